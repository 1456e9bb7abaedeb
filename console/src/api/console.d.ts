// Generated from console/openapi/console.json by `npm run gen:api`: do not edit.
export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The issuer's public keys (JWKS, RFC 7517): what every service checks tokens with */
        get: operations["jwks__well_known_jwks_json_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The accounts of a subtree, filtered, a page at a time */
        get: operations["list_accounts_accounts_get"];
        put?: never;
        /** Open an account (Art. 6) */
        post: operations["open_account_accounts_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/holders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who held a role for a unit at a moment (Art. 14, 22, 25)
         * @description E.g. who could reveal the petitioners of 太和镇 on 2026-03-01: role=custodian, unit_code=QX-TH, at=2026-03-01T09:00:00+08:00, covering=true (grants for the units above count too). The leadership team 领导班子 of a unit is role=leader; its information officers 信息员 role=officer. Replayed from the stored events; suspended accounts hold nothing.
         */
        get: operations["holders_accounts_holders_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open accounts from CSV, all or nothing
         * @description Send `text/csv` with the header user_id,name,unit_code[,posts][,roles]: posts and roles separated by ';'; a role for another unit of the row's subtree as role@UNIT (custodian@QX-TH). Bad rows: 422 listing every problem as {row, field, msg}, rows numbered by line (header = 1); nothing is opened.
         */
        post: operations["import_accounts_accounts_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account: its unit, posts, grants and status */
        get: operations["get_account_accounts__user_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{user_id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change name, unit (a transfer 调动) or posts */
        post: operations["change_accounts__user_id__changes_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{user_id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant a role */
        post: operations["grant_accounts__user_id__grants_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{user_id}/reactivation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-activate a suspended account 恢复 */
        post: operations["reactivate_accounts__user_id__reactivation_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{user_id}/revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a role, with the reason and authority */
        post: operations["revoke_accounts__user_id__revocations_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{user_id}/suspension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an account 停用: no sign-in; every service refuses its tokens */
        post: operations["suspend_accounts__user_id__suspension_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person (401 if none) */
        get: operations["current_api_session_get"];
        put?: never;
        /**
         * Sign in 登录 (password, and a TOTP code where the roles need one)
         * @description Check the password (and code); open a session and set its cookies.
         */
        post: operations["sign_in_api_session_post"];
        /** Sign out 退出 (idempotent) */
        delete: operations["sign_out_api_session_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The issuer's answer: verify it, open a session, on to the console */
        get: operations["callback_api_session_oidc_callback_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign in through the external issuer 统一身份认证 (a redirect there) */
        get: operations["start_api_session_oidc_start_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change one's own password 修改口令 (ends one's other sessions) */
        put: operations["change_password_api_session_password_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Confirm the offered authenticator with a current code */
        put: operations["confirm_totp_api_session_totp_put"];
        /** Offer a TOTP authenticator to enrol 绑定动态口令 (shown once; PUT confirms) */
        post: operations["offer_totp_api_session_totp_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify this service's hash chain against its witnessed heads (Art. 23, 29, 31)
         * @description The walk `lianfang audit verify --from-kafka` makes, for this service's store only
         *     (docs/audit.md). It reads the whole store: seconds for 100 000 events (docs/audit.md
         *     "Speed"), so the screen asks for it on demand.
         */
        get: operations["chain_status_audit_chain_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/queries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Auditors' requests to this service, newest first, a page at a time (Art. 29) */
        get: operations["list_queries_audit_queries_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credentials/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's credential, for an admin */
        get: operations["credential_credentials__user_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credentials/{user_id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a person's first password, or reset a forgotten one (an admin over its unit) */
        put: operations["reset_password_credentials__user_id__password_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credentials/{user_id}/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a lost authenticator 解绑动态口令 (an admin over its unit, saying why) */
        delete: operations["remove_second_factor_credentials__user_id__second_factor_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credentials/{user_id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a locked-out account 解锁 (an admin over its unit, saying why) */
        post: operations["unlock_credentials__user_id__unlock_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["healthz_healthz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The disposal steps reported to a unit, from every node (条块结合, Art. 27) */
        get: operations["inbox_inbox_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["metrics_metrics_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The names and units of up to 50 staff ids (名录) */
        get: operations["people_people_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the store and Kafka answer */
        get: operations["readyz_readyz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/effective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district-set rules this service runs by, and where each is set (no secrets) */
        get: operations["effective_settings_effective_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/todos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your to-dos from every service of this node, the soonest deadline first (工作台)
         * @description Asked of intake, register and warning with the caller's own token, merged (and of the
         *     warning service of each node below whose disposals the caller's unit supervises).
         */
        get: operations["my_todos_todos_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/unit-names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The names of up to 50 unit codes (名录)
         * @description The organisation tree's names (Art. 5) for units a screen names outside the reader's own
         *     subtree — the level above, a superior business department 上级业务主管部门 a disposal is
         *     reported to (Art. 27, 29): a unit's name is what its public notices carry, nothing more.
         *     Unknown codes are left out.
         */
        get: operations["unit_names_unit_names_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AccountChangeIn
         * @description A change of name, unit (a transfer 调动) or posts, with the reason and authority.
         */
        AccountChangeIn: {
            /**
             * Authority
             * @description On what authority (依据): the document number or decision, e.g. 清新纪发〔2026〕12号.
             */
            authority: string;
            /**
             * Name
             * @description The new name.
             */
            name?: string | null;
            /**
             * Posts
             * @description The posts now held (职务), all of them.
             */
            posts?: string[] | null;
            /**
             * Reason
             * @description Why (原因).
             */
            reason: string;
            /**
             * Unit Code
             * @description The new unit (调入单位), within your subtree; the roles held must lie within it (revoke the others first).
             */
            unit_code?: string | null;
        };
        /**
         * AccountIn
         * @description An account to open in the admin's subtree (Art. 6).
         */
        AccountIn: {
            /**
             * Authority
             * @description On what authority (依据): the document number or decision, e.g. 清新纪发〔2026〕12号.
             */
            authority: string;
            /**
             * Grants
             * @description Roles granted at once.
             */
            grants?: components["schemas"]["NewGrantIn"][];
            /**
             * Name
             * @description The person's name (姓名).
             */
            name: string;
            /**
             * Posts
             * @description The posts held (职务), e.g. 纪委书记.
             */
            posts?: string[];
            /**
             * Unit Code
             * @description The unit (所在单位).
             */
            unit_code: string;
            /**
             * User Id
             * @description The user id (用户名) to sign in.
             */
            user_id: string;
        };
        /** AccountOut */
        AccountOut: {
            /**
             * Authority
             * @description The authority it was opened on.
             */
            authority: string;
            /** Grants */
            grants: components["schemas"]["GrantOut"][];
            /** Name */
            name: string;
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /** Opened By */
            opened_by: {
                [key: string]: string;
            };
            /** Posts */
            posts: string[];
            status: components["schemas"]["AccountStatus"];
            suspension: components["schemas"]["SuspensionOut"] | null;
            /** Unit Code */
            unit_code: string;
            /** Unit Name */
            unit_name: string;
            /** User Id */
            user_id: string;
        };
        /** AccountPage */
        AccountPage: {
            /** Items */
            items: components["schemas"]["AccountRowOut"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /**
             * Total
             * @description How many accounts match, over all pages.
             */
            total: number;
        };
        /** AccountRowOut */
        AccountRowOut: {
            /**
             * Grants
             * @description Roles held: {role, unit_code}.
             */
            grants: {
                [key: string]: string;
            }[];
            /** Name */
            name: string;
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /** Posts */
            posts: string[];
            status: components["schemas"]["AccountStatus"];
            /** Unit Code */
            unit_code: string;
            /** User Id */
            user_id: string;
        };
        /**
         * AccountStatus
         * @description Whether an account may sign in and its tokens are accepted.
         * @enum {string}
         */
        AccountStatus: "active" | "suspended";
        /**
         * AuditQueryRow
         * @description One recorded auditor request, as the audit API lists it (Art. 29).
         */
        AuditQueryRow: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Method */
            method: string;
            /** Target */
            target: string;
            /** Trace */
            trace: string;
            /** Unit Code */
            unit_code: string;
            /** User Id */
            user_id: string;
        };
        /** BreakOut */
        BreakOut: {
            /**
             * Event Id
             * @description <originator id>@<version> of the event found there.
             */
            event_id: string;
            /** Position */
            position: number;
            /** Reason */
            reason: string;
        };
        /** ChainStatusOut */
        ChainStatusOut: {
            /** @description The first broken link, if any. */
            broken: components["schemas"]["BreakOut"] | null;
            /**
             * Checked At
             * Format: date-time
             */
            checked_at: string;
            /**
             * Events
             * @description Events walked (all of them when the chain is whole).
             */
            events: number;
            /** Head Event Id */
            head_event_id: string | null;
            /**
             * Head Hash
             * @description The recomputed head (64 zeros for an empty store).
             */
            head_hash: string;
            /** Head Position */
            head_position: number | null;
            /** @description The latest published head. */
            last_witness: components["schemas"]["WitnessOut"] | null;
            /** Node Id */
            node_id: string;
            /**
             * Ok
             * @description True when every link and every witness agrees.
             */
            ok: boolean;
            /** Service */
            service: string;
            /**
             * Witnessed Up To
             * @description The last witnessed position found to agree.
             */
            witnessed_up_to: number;
            /**
             * Witnesses Checked
             * @description Of those, met and compared during the walk.
             */
            witnesses_checked: number;
            /**
             * Witnesses Found
             * @description Checkpoints of this store on the audit topic.
             */
            witnesses_found: number;
            /**
             * Witnesses Unavailable
             * @description Why the audit topic could not be read (the chain alone was checked).
             */
            witnesses_unavailable: string | null;
        };
        /**
         * CredentialOut
         * @description What an admin sees of a person's credential: never the hash nor the secret.
         */
        CredentialOut: {
            /** Last Signed In At */
            last_signed_in_at: string | null;
            /** Locked Until */
            locked_until: string | null;
            /** Password Set */
            password_set: boolean;
            /** Second Factor */
            second_factor: boolean;
            /** User Id */
            user_id: string;
        };
        /** EffectiveSettingsOut */
        EffectiveSettingsOut: {
            /** Node Id */
            node_id: string;
            /** Service */
            service: string;
            /** Settings */
            settings: components["schemas"]["SettingOut"][];
        };
        /** Grant */
        Grant: {
            /**
             * Role
             * @description A role (office, officer, judge, leader, custodian, ...).
             */
            role: string;
            /**
             * Unit Code
             * @description The unit it is held for.
             */
            unit_code: string;
        };
        /**
         * GrantIn
         * @description A role granted for a unit, on an authority (Art. 6, 14, 22, 25).
         */
        GrantIn: {
            /**
             * Authority
             * @description On what authority (依据): the document number or decision, e.g. 清新纪发〔2026〕12号.
             */
            authority: string;
            /** @description The role: officer (信息员) · judge (研判小组) · leader (领导班子成员) · office (预防腐败室) · auditor (审计) · custodian (举报人信息保管员) · admin (管理员) · public (公众 (公开页面)). */
            role: components["schemas"]["Role"];
            /**
             * Unit Code
             * @description The unit the role is held for: the account's own unless named; a unit within it. A custodian grant must name it: the unit whose petitioners it may reveal (Art. 22).
             */
            unit_code?: string | null;
        };
        /** GrantOut */
        GrantOut: {
            /** Authority */
            authority: string;
            /**
             * Granted At
             * Format: date-time
             */
            granted_at: string;
            /** Granted By */
            granted_by: {
                [key: string]: string;
            };
            role: components["schemas"]["Role"];
            /**
             * Role Zh
             * @description The role's Chinese name.
             */
            role_zh: string;
            /**
             * Unit Code
             * @description The unit the role is held for.
             */
            unit_code: string;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /** HolderOut */
        HolderOut: {
            /**
             * Account Unit
             * @description The holder's own unit.
             */
            account_unit: string;
            /** Authority */
            authority: string;
            /**
             * Granted At
             * Format: date-time
             */
            granted_at: string;
            /** Granted By */
            granted_by: {
                [key: string]: string;
            };
            /** Name */
            name: string;
            /**
             * Unit Code
             * @description The unit the grant was for.
             */
            unit_code: string;
            /** User Id */
            user_id: string;
        };
        /** HoldersOut */
        HoldersOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Covering */
            covering: boolean;
            /** Holders */
            holders: components["schemas"]["HolderOut"][];
            role: components["schemas"]["Role"];
            /** Unit Code */
            unit_code: string;
        };
        /** ImportOut */
        ImportOut: {
            /**
             * Opened
             * @description The user ids of the accounts opened.
             */
            opened: string[];
        };
        /**
         * InboxOut
         * @description A page of the steps reported to a unit, the newest first (条块结合, Art. 27).
         */
        InboxOut: {
            /** Items */
            items: components["schemas"]["ReportedStep"][];
            /**
             * Next Before
             * @description Pass as `before` for the next, older page; null on the last.
             */
            next_before: string | null;
            /**
             * Unavailable
             * @description Nodes whose part is missing (down or slow): the rest still shows.
             */
            unavailable: components["schemas"]["UnavailableOut"][];
        };
        /**
         * Me
         * @description The signed-in person, as the console shows them.
         */
        Me: {
            /**
             * Grants
             * @description Every role the account holds, for which unit.
             */
            grants: components["schemas"]["Grant"][];
            /**
             * Idle Timeout Seconds
             * @description The session ends after this long idle.
             */
            idle_timeout_seconds: number;
            /** Name */
            name: string;
            /**
             * Roles
             * @description Roles the session's token carries (at the unit).
             */
            roles: string[];
            /**
             * Second Factor
             * @description Whether a TOTP authenticator is enrolled.
             */
            second_factor: boolean;
            /**
             * Second Factor Required
             * @description Whether the person's roles need one.
             */
            second_factor_required: boolean;
            /**
             * Supervised Nodes
             * @description Root units of the nodes below whose warnings' disposal the person's unit supervises 分级监督 (Art. 29), reached through /api/supervised/{root}/warning/….
             */
            supervised_nodes?: string[];
            /**
             * Unit Code
             * @description The unit the person acts for.
             */
            unit_code: string;
            /** Unit Name */
            unit_name: string;
            /** User Id */
            user_id: string;
            /**
             * Withheld Roles
             * @description Privileged roles left out of this session: no second factor was used.
             */
            withheld_roles: string[];
        };
        /**
         * NewGrantIn
         * @description A role to grant as the account is opened (under the opening's authority).
         */
        NewGrantIn: {
            /** @description The role: officer (信息员) · judge (研判小组) · leader (领导班子成员) · office (预防腐败室) · auditor (审计) · custodian (举报人信息保管员) · admin (管理员) · public (公众 (公开页面)). */
            role: components["schemas"]["Role"];
            /**
             * Unit Code
             * @description As for a grant: the account's own unit unless named; a custodian's must be named (Art. 22).
             */
            unit_code?: string | null;
        };
        /** PasswordChangeIn */
        PasswordChangeIn: {
            /** Current Password */
            current_password: string;
            /**
             * New Password
             * @description 至少 12 个字符, 含 3 类字符.
             */
            new_password: string;
        };
        /** PasswordIn */
        PasswordIn: {
            /**
             * Password
             * @description 至少 12 个字符, 含 3 类字符.
             */
            password: string;
        };
        /** PersonName */
        PersonName: {
            /** Name */
            name: string;
            /** Unit Code */
            unit_code: string;
            /** Unit Name */
            unit_name: string;
            /** User Id */
            user_id: string;
        };
        /** ReasonIn */
        ReasonIn: {
            /**
             * Reason
             * @description Why (e.g. 电话核实本人).
             */
            reason: string;
        };
        /**
         * ReportedStep
         * @description A step of a disposal reported to the unit (Art. 27), and the node that disposes of it.
         */
        ReportedStep: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * By
             * @description Who took the step (a staff id, or `system`).
             */
            by: string;
            /** Detail */
            detail: {
                [key: string]: unknown;
            };
            /**
             * Label Zh
             * @description The step in the regulation's words.
             */
            label_zh: string;
            /**
             * Node
             * @description The root unit of the node disposing of it when not the reader's own (the warning opens there with `?node=`); null: the reader's own node.
             */
            node?: string | null;
            /**
             * Notice Number
             * @description The warning's 预警通知书文号, once issued.
             */
            notice_number: string | null;
            /** Step */
            step: string;
            /**
             * Subject Id
             * Format: uuid
             */
            subject_id: string;
            /**
             * Subject Unit
             * @description The warned unit 预警对象 whose disposal it is.
             */
            subject_unit: string;
            /**
             * Warning Id
             * @description The warning, once issued.
             */
            warning_id: string | null;
        };
        /**
         * RevocationIn
         * @description A role revoked for a unit, with the reason and authority.
         */
        RevocationIn: {
            /**
             * Authority
             * @description On what authority (依据): the document number or decision, e.g. 清新纪发〔2026〕12号.
             */
            authority: string;
            /**
             * Reason
             * @description Why (原因).
             */
            reason: string;
            /** @description The role: officer (信息员) · judge (研判小组) · leader (领导班子成员) · office (预防腐败室) · auditor (审计) · custodian (举报人信息保管员) · admin (管理员) · public (公众 (公开页面)). */
            role: components["schemas"]["Role"];
            /**
             * Unit Code
             * @description The unit it was held for.
             */
            unit_code: string;
        };
        /**
         * Role
         * @description The roles a token may carry.
         * @enum {string}
         */
        Role: "officer" | "judge" | "leader" | "office" | "auditor" | "custodian" | "admin" | "public";
        /** SessionOut */
        SessionOut: {
            user: components["schemas"]["Me"];
        };
        /** SettingOut */
        SettingOut: {
            /**
             * Default
             * @description Whether it is the built-in default (not set by the node).
             */
            default: boolean;
            /** Description */
            description: string;
            /**
             * Env
             * @description The environment variable that sets it (where it is configured).
             */
            env: string;
            /** Name */
            name: string;
            /**
             * Value
             * @description The value in force, as JSON.
             */
            value: unknown;
        };
        /**
         * StatusChangeIn
         * @description A suspension 停用 or re-activation 恢复, with the reason and authority.
         */
        StatusChangeIn: {
            /**
             * Authority
             * @description On what authority (依据): the document number or decision, e.g. 清新纪发〔2026〕12号.
             */
            authority: string;
            /**
             * Reason
             * @description Why (原因).
             */
            reason: string;
        };
        /** SuspensionOut */
        SuspensionOut: {
            /** Authority */
            authority: string;
            /** Reason */
            reason: string;
            /**
             * Suspended At
             * Format: date-time
             */
            suspended_at: string;
            /** Suspended By */
            suspended_by: {
                [key: string]: string;
            };
        };
        /**
         * TodoItem
         * @description Something the caller is to do, by when, and where in the console (工作台).
         */
        TodoItem: {
            /**
             * Deadline
             * @description By when (the regulation's or the decision's deadline); None if none.
             */
            deadline?: string | null;
            /**
             * Detail
             * @description About what: the unit, the case's summary, the point.
             * @default
             */
            detail: string;
            /**
             * Key
             * @description Stable for as long as the to-do is open (kind:subject[:detail]): what the console marks as seen for the bell's unread count.
             */
            key: string;
            /**
             * Kind
             * @description What is to be done (the regulation's step).
             * @enum {string}
             */
            kind: "duty_due" | "forward_to_handle" | "forward_awaiting_feedback" | "forward_report_to_review" | "breach_to_review" | "public_report_to_screen" | "information_to_judge" | "grading_to_vote" | "point_to_publish" | "objection_to_answer" | "measure_due" | "measure_to_verify" | "proposal_to_review" | "warning_action_due" | "warning_action_to_verify" | "disposal_to_sign_off" | "disposal_rework_due";
            /**
             * Link
             * @description Where in the web console to act on it (a console path).
             */
            link: string;
            /**
             * Service
             * @enum {string}
             */
            service: "intake" | "register" | "warning" | "assessment";
            /**
             * Since
             * @description Since when it has been waiting.
             */
            since?: string | null;
            /**
             * Title
             * @description What, in the regulation's words (zh-CN).
             */
            title: string;
            /**
             * Unit Code
             * @description The unit the to-do is about.
             */
            unit_code: string;
        };
        /**
         * TodosOut
         * @description The caller's to-dos from every service, the soonest deadline first (工作台).
         */
        TodosOut: {
            /**
             * As Of
             * Format: date-time
             * @description When the services were asked.
             */
            as_of: string;
            /** Items */
            items: components["schemas"]["TodoItem"][];
            /**
             * Unavailable
             * @description Services whose part is missing (down or slow): the rest still shows.
             */
            unavailable: components["schemas"]["UnavailableOut"][];
        };
        /** TotpConfirmIn */
        TotpConfirmIn: {
            /**
             * Totp
             * @description The code the app shows now.
             */
            totp: string;
        };
        /**
         * TotpOffer
         * @description A new authenticator's secret, shown once: scan the URI (a QR code) or type the secret.
         */
        TotpOffer: {
            /**
             * Otpauth Uri
             * @description otpauth://totp/... for the authenticator app.
             */
            otpauth_uri: string;
            /**
             * Secret
             * @description The same secret in base32, to type in by hand.
             */
            secret: string;
        };
        /** UnavailableOut */
        UnavailableOut: {
            /**
             * Reason
             * @description Why its part is missing, in Chinese.
             */
            reason: string;
            /**
             * Service
             * @description intake, register or warning; warning@<root> for a supervised node's (Art. 29)
             */
            service: string;
        };
        /** UnitName */
        UnitName: {
            /** Code */
            code: string;
            /** Name */
            name: string;
        };
        /** ValidationError */
        ValidationError: {
            /** Context */
            ctx?: Record<string, never>;
            /** Input */
            input?: unknown;
            /** Location */
            loc: (string | number)[];
            /** Message */
            msg: string;
            /** Error Type */
            type: string;
        };
        /** WitnessOut */
        WitnessOut: {
            /**
             * Checkpoint Id
             * @description ce_id of the ChainCheckpoint on the audit topic.
             */
            checkpoint_id: string;
            /** Hash */
            hash: string;
            /**
             * Position
             * @description The position whose hash the checkpoint published.
             */
            position: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    jwks__well_known_jwks_json_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    list_accounts_accounts_get: {
        parameters: {
            query?: {
                /** @description A unit of your subtree (yours if none). */
                within?: string | null;
                /** @description Only this unit's accounts. */
                unit_code?: string | null;
                /** @description Only accounts holding this role. */
                role?: components["schemas"]["Role"] | null;
                /** @description active or suspended. */
                status?: components["schemas"]["AccountStatus"] | null;
                offset?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountPage"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    open_account_accounts_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    holders_accounts_holders_get: {
        parameters: {
            query: {
                /** @description The role: officer (信息员) · judge (研判小组) · leader (领导班子成员) · office (预防腐败室) · auditor (审计) · custodian (举报人信息保管员) · admin (管理员) · public (公众 (公开页面)). */
                role: components["schemas"]["Role"];
                /** @description The unit. */
                unit_code: string;
                /** @description The moment, with its zone; now if none. */
                at?: string | null;
                /** @description Count grants for units above too. */
                covering?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldersOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    import_accounts_accounts_import_post: {
        parameters: {
            query: {
                /** @description The decision the import is on. */
                authority: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportOut"];
                };
            };
            /** @description Every bad row, nothing imported. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    get_account_accounts__user_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    change_accounts__user_id__changes_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountChangeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    grant_accounts__user_id__grants_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    reactivate_accounts__user_id__reactivation_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusChangeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    revoke_accounts__user_id__revocations_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevocationIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    suspend_accounts__user_id__suspension_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusChangeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    current_api_session_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
        };
    };
    sign_in_api_session_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Password
                     * @description 口令.
                     */
                    password: string;
                    /**
                     * Totp
                     * @description 动态口令: the 6 digits of the authenticator app.
                     */
                    totp?: string | null;
                    /**
                     * User Id
                     * @description 用户名 (the account's user id).
                     */
                    user_id: string;
                };
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description 用户名或密码错误, or 需要动态口令 with second_factor: required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not JSON (a cross-site form cannot sign anybody in) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 账户已锁定, with locked_until */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    sign_out_api_session_delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    callback_api_session_oidc_callback_get: {
        parameters: {
            query?: {
                state?: string;
                code?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Signed in: on to the console */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    start_api_session_oidc_start_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description To the issuer's sign-in page */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    change_password_api_session_password_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChangeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    confirm_totp_api_session_totp_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpConfirmIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    offer_totp_api_session_totp_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpOffer"];
                };
            };
        };
    };
    chain_status_audit_chain_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainStatusOut"];
                };
            };
        };
    };
    list_queries_audit_queries_get: {
        parameters: {
            query?: {
                /** @description How many items at most in this page (1–200; default 200). */
                limit?: number;
                /** @description The `X-Next-Cursor` header of the previous page, as it was given (opaque). */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description Pass as `cursor` for the next page; absent on the last page. */
                    "X-Next-Cursor"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditQueryRow"][];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    credential_credentials__user_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    reset_password_credentials__user_id__password_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    remove_second_factor_credentials__user_id__second_factor_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    unlock_credentials__user_id__unlock_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    healthz_healthz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
        };
    };
    inbox_inbox_get: {
        parameters: {
            query?: {
                unit_code?: string | null;
                /** @description The `next_before` of the previous page: the steps before it. */
                before?: string | null;
                /** @description Steps in this page. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    metrics_metrics_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    people_people_get: {
        parameters: {
            query: {
                /** @description Separated by commas, at most 50. */
                ids: string;
                /** @description How many items at most in this page (1–200; default 200). */
                limit?: number;
                /** @description The `X-Next-Cursor` header of the previous page, as it was given (opaque). */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description Pass as `cursor` for the next page; absent on the last page. */
                    "X-Next-Cursor"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonName"][];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    readyz_readyz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    effective_settings_effective_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EffectiveSettingsOut"];
                };
            };
        };
    };
    my_todos_todos_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TodosOut"];
                };
            };
            /** @description Unchanged since the ETag given in If-None-Match. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    unit_names_unit_names_get: {
        parameters: {
            query: {
                /** @description Separated by commas, at most 50. */
                codes: string;
                /** @description How many items at most in this page (1–200; default 200). */
                limit?: number;
                /** @description The `X-Next-Cursor` header of the previous page, as it was given (opaque). */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description Pass as `cursor` for the next page; absent on the last page. */
                    "X-Next-Cursor"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitName"][];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
}
