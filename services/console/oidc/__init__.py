"""Sign-in through an external OpenID Connect issuer (统一身份认证, issue #14 item 5)."""
