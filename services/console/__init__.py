"""The console service: the directory of accounts and grants, sign-in, tokens, the web console."""
