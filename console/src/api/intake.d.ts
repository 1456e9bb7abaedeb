// Generated from console/openapi/intake.json by `npm run gen:api`: do not edit.
export interface paths {
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
    "/breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reporting breaches 迟报/漏报/瞒报 of a subtree (Art. 23) */
        get: operations["list_breaches_breaches_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/breaches/{breach_id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm or dismiss a 瞒报 candidate */
        post: operations["review_breach_breaches__breach_id__review_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reporting figures of a unit in a period (Art. 23) */
        get: operations["compliance_compliance_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compliance/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reporting figures of each unit with a duty in a subtree, for a period (Art. 23) */
        get: operations["compliance_by_unit_compliance_units_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Intake's figures of a subtree for the district dashboard (Art. 23, 24) */
        get: operations["summary_dashboard_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/duties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reporting duties of a subtree (Art. 23) */
        get: operations["list_duties_duties_get"];
        put?: never;
        /** Set a reporting duty */
        post: operations["define_duty_duties_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/duties/{duty_id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a periodic report 定期报告 (late ones are recorded 迟报) */
        post: operations["submit_report_duties__duty_id__reports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/duties/{duty_id}/reports/{period}/finding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find a periodic report untrue or inaccurate 报送不实 (Art. 23), by the level above */
        post: operations["find_report_wanting_duties__duty_id__reports__period__finding_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/filing/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units you may file information about now (Art. 22): the filing form's choices */
        get: operations["fileable_units_filing_units_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forwards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Forwards 批转 to lower nodes and how they were handled (跟踪督办, Art. 24) */
        get: operations["forwards_forwards_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forwards/received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Forwards received from the level above and what it awaits of us (Art. 24) */
        get: operations["received_forwards_received_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forwards/{information_id}/chase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chase 催办 the lower level for its handling report; sent to its inbox (Art. 24) */
        post: operations["chase_forwards__information_id__chase_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forwards/{information_id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return 退回 the lower level's handling report for rework, with reasons (Art. 24) */
        post: operations["return_report_forwards__information_id__return_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forwards/{information_id}/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign off 办结 the lower level's handling report: the forward is answered (Art. 24) */
        post: operations["sign_off_forwards__information_id__sign_off_post"];
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
        /** The cases your role works on, in a subtree (工作台) */
        get: operations["inbox_inbox_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File risk information (Art. 22); a repeated source or key answers with the first */
        post: operations["file_information_information_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import shared data 资源共享 (Art. 22): JSON {rows: [...]} or CSV; all rows or none */
        post: operations["import_information_information_imports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one piece of risk information (no identity) */
        get: operations["get_information_information__information_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/citizen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The office's questions to the citizen of a public report, and the answers */
        get: operations["citizen_thread_information__information_id__citizen_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/citizen/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the citizen of a public report a question (核查, Art. 21, 22) */
        post: operations["ask_information__information_id__citizen_questions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/handling-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report to the level above how a forward was handled (反馈, Art. 24) */
        post: operations["report_handling_information__information_id__handling_report_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/identity/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reveal a petitioner's identity 举报人身份 (custodian only, reason recorded)
         * @description Only for an account holding, at this moment, the directory's custodian grant (举报人信息保管员) for the case's unit or a unit above it, signed in with its second factor (the token's `amr` names `otp`). Otherwise 403 naming the rule (Art. 22).
         */
        post: operations["reveal_identity_information__information_id__identity_reveal_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/identity/reveals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who opened a petitioner's identity, when and why (custodian, auditor; no identity) */
        get: operations["identity_reveals_information__information_id__identity_reveals_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who asked to read a case with a protected source, and whether it was shown (Art. 22) */
        get: operations["case_reads_information__information_id__reads_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who reported what when, when it was due, where it went (Art. 23, 24) */
        get: operations["timeline_information__information_id__timeline_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/transfer-to-discipline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer a case to the discipline authority 移送纪检监察机关 (Art. 24), with reasons */
        post: operations["transfer_to_discipline_information__information_id__transfer_to_discipline_post"];
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
    "/officers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Officers covering units in a subtree (Art. 22) */
        get: operations["list_officers_officers_get"];
        put?: never;
        /** Appoint an officer 聘任信息员 */
        post: operations["appoint_officers_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/officers/{user_id}/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-appoint for a new active period 续聘 */
        post: operations["reappoint_officers__user_id__periods_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/officers/{user_id}/relief": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Relieve an officer 解聘, with a reason */
        post: operations["relieve_officers__user_id__relief_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File a citizen's report 网上举报 (信访举报 channel, Art. 22); the receipt code once */
        post: operations["file_report_public_reports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/reports/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the office's question with the receipt code */
        post: operations["answer_public_reports_answers_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/reports/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A report's public status by its receipt code */
        post: operations["report_status_public_reports_status_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units a citizen may report about (Art. 22) */
        get: operations["public_units_public_units_get"];
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
         * What intake asks of you next: reports owed, forwards, breaches (工作台)
         * @description Computed from the events at each call; any signed-in role may ask (an empty list when
         *     its role owes nothing here).
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AnswerIn */
        AnswerIn: {
            /**
             * Question Id
             * @description The question answered.
             */
            question_id: number;
            /**
             * Receipt Code
             * @description The receipt code 查询码 given at filing.
             */
            receipt_code: string;
            /**
             * Text
             * @description The answer.
             */
            text: string;
        };
        /** AppointIn */
        AppointIn: {
            /**
             * Active From
             * Format: date-time
             */
            active_from: string;
            /** Active Until */
            active_until?: string | null;
            /**
             * Kind
             * @description internal 内部 · external 外聘
             * @enum {string}
             */
            kind: "internal" | "external";
            /**
             * Name
             * @description 姓名
             */
            name: string;
            /**
             * Units
             * @description Units covered (and their subtrees).
             */
            units: string[];
            /**
             * User Id
             * @description The officer's user id.
             */
            user_id: string;
        };
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
        /** BreachOut */
        BreachOut: {
            /**
             * Breach Id
             * Format: uuid
             */
            breach_id: string;
            /**
             * Detected At
             * Format: date-time
             */
            detected_at: string;
            /**
             * Due At
             * Format: date-time
             */
            due_at: string;
            /** Information Id */
            information_id: string | null;
            /**
             * Kind
             * @description late 迟报 · missed 漏报 · concealment_candidate 瞒报嫌疑
             */
            kind: string;
            /** Period */
            period: string | null;
            /**
             * Responsible Person Id
             * @description 第一责任人 (principal leader)
             */
            responsible_person_id: string | null;
            /**
             * Status
             * @description recorded · to_review · confirmed · dismissed
             */
            status: string;
            /** Unit Code */
            unit_code: string;
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
        /** CaseReadOut */
        CaseReadOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Roles */
            roles: string[];
            /**
             * Shown
             * @description Whether it was shown (false: refused as unknown).
             */
            shown: boolean;
            /**
             * Trace
             * @description The request's trace id, to find it in the logs.
             */
            trace: string;
            /** Unit Code */
            unit_code: string;
            /** User Id */
            user_id: string;
            /**
             * What
             * @description case · timeline: what was asked for.
             */
            what: string;
        };
        /** CaseRow */
        CaseRow: {
            /** Awaiting Feedback */
            awaiting_feedback: boolean;
            /** Channel */
            channel: string;
            /**
             * Filed At
             * Format: date-time
             */
            filed_at: string;
            /**
             * Handling State
             * @description A forward received from above: to_report · reported · returned · signed_off (跟踪督办, Art. 24; its chases and returns in GET /forwards/received).
             */
            handling_state?: string | null;
            /**
             * Information Id
             * Format: uuid
             */
            information_id: string;
            /** Routed To */
            routed_to: string;
            routing: components["schemas"]["RoutingOutcome"];
            /** Summary */
            summary: string;
            /** Unit Code */
            unit_code: string;
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
         * Channel
         * @description Channel through which risk information was collected, 信息采集渠道 (Art. 22). Values: online_media = 网络媒体; petition = 信访举报; inspection = 监督检查; data_sharing = 资源共享; officer_report = 信息员报告.
         * @enum {string}
         */
        Channel: "online_media" | "petition" | "inspection" | "data_sharing" | "officer_report";
        /** ChaseIn */
        ChaseIn: {
            /**
             * Note
             * @description What the chase 催办 asks for.
             */
            note: string;
        };
        /** ComplianceOut */
        ComplianceOut: {
            /** Concealment Candidates */
            concealment_candidates: number;
            /** Concealment Confirmed */
            concealment_confirmed: number;
            /** Late */
            late: number;
            /** Missed */
            missed: number;
            /** Other Channel */
            other_channel: number;
            /** Own Reports */
            own_reports: number;
            /** Period */
            period: string;
            /** Periodic Reports */
            periodic_reports: number;
            /** Unit Code */
            unit_code: string;
        };
        /** DisciplineTransferIn */
        DisciplineTransferIn: {
            /**
             * Reason
             * @description Why the discipline authority must take it (移送理由).
             */
            reason: string;
        };
        /** DisciplineTransferOut */
        DisciplineTransferOut: {
            /**
             * Decided At
             * Format: date-time
             */
            decided_at: string;
            /** Decided By */
            decided_by: {
                [key: string]: string;
            };
            /**
             * Information Id
             * Format: uuid
             */
            information_id: string;
            /** Reason */
            reason: string;
            /**
             * Routed To
             * @description discipline_inspection 纪检监察机关
             */
            routed_to: string;
            /** @description transferred 移送 */
            routing: components["schemas"]["RoutingOutcome"];
        };
        /** DutyIn */
        DutyIn: {
            /**
             * Due Days
             * @description Days after the period end / after learning (时限).
             */
            due_days: number;
            /**
             * Effective From
             * Format: date-time
             */
            effective_from: string;
            /** Every */
            every?: ("monthly" | "quarterly") | null;
            /**
             * Kind
             * @description periodic 定期 · event 事件触发
             * @enum {string}
             */
            kind: "periodic" | "event";
            /**
             * Name
             * @description e.g. 月度廉政风险信息报告
             */
            name: string;
            /** Unit Code */
            unit_code: string;
        };
        /** DutyOut */
        DutyOut: {
            /** Due Days */
            due_days: number;
            /**
             * Duty Id
             * Format: uuid
             */
            duty_id: string;
            /**
             * Effective From
             * Format: date-time
             */
            effective_from: string;
            /** Every */
            every: string | null;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Unit Code */
            unit_code: string;
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
        /** FileableUnitOut */
        FileableUnitOut: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /**
             * Node
             * @description The node that manages it: filing routes there (Art. 24).
             */
            node: string;
            /** Parent */
            parent: string | null;
        };
        /** FilingOut */
        FilingOut: {
            /**
             * Created
             * @description False when this source was filed before (idempotent).
             */
            created: boolean;
            /**
             * Information Id
             * Format: uuid
             */
            information_id: string;
            /**
             * Routed To
             * @description The node (or body) it went to.
             * @default
             */
            routed_to: string;
            /**
             * @description accepted 直接处理 · forwarded 批转 · transferred 移送
             * @default accepted
             */
            routing: components["schemas"]["RoutingOutcome"];
        };
        /** FindingIn */
        FindingIn: {
            /**
             * Kind
             * @description untrue 不真实 · inaccurate 核心内容不准确 (Art. 23).
             * @enum {string}
             */
            kind: "untrue" | "inaccurate";
            /**
             * Reason
             * @description What was found (核查情况); published in ReportingBreachFound.
             */
            reason: string;
        };
        /** FindingOut */
        FindingOut: {
            /**
             * Found At
             * Format: date-time
             */
            found_at: string;
            /** Found By */
            found_by: {
                [key: string]: string;
            };
            /** Kind */
            kind: string;
            /** Period */
            period: string;
            /** Reason */
            reason: string;
            /**
             * Report Id
             * Format: uuid
             */
            report_id: string;
            /**
             * Submitted By
             * @description Who made the report (报送人); answers.
             */
            submitted_by: {
                [key: string]: string;
            };
            /**
             * Unit Code
             * @description The unit that made the report (报送单位); it answers.
             */
            unit_code: string;
        };
        /** ForwardOut */
        ForwardOut: {
            /**
             * Acknowledged At
             * @description When the lower node's software took it in: delivery, not the answer.
             */
            acknowledged_at: string | null;
            /**
             * Chases
             * @description How many times it was chased 催办 (reminders included).
             */
            chases: number;
            /**
             * Feedback Due At
             * @description When the (reworked) handling report is due.
             */
            feedback_due_at: string | null;
            /**
             * Filed At
             * Format: date-time
             */
            filed_at: string;
            /**
             * Handling Reports
             * @description The lower level's handling reports (反馈), oldest first.
             */
            handling_reports: components["schemas"]["HandlingReportOut"][];
            /**
             * Information Id
             * Format: uuid
             */
            information_id: string;
            /**
             * Overdue At
             * @description When its handling report was overdue.
             */
            overdue_at: string | null;
            /**
             * Reminded At
             * @description When the lower node was reminded (督办).
             */
            reminded_at: string | null;
            /**
             * Returned Reasons
             * @description Why each returned report was returned.
             */
            returned_reasons: string[];
            /**
             * Signed Off At
             * @description When this level signed it off 办结.
             */
            signed_off_at: string | null;
            /**
             * State
             * @description awaiting · delivered · returned · reminded · overdue · reported (to review) · signed_off
             */
            state: string;
            /** To Node */
            to_node: string;
            /** Unit Code */
            unit_code: string;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /** HandlingReportIn */
        HandlingReportIn: {
            /**
             * Document Refs
             * @description References of documents (文书、材料).
             */
            document_refs?: string[];
            /**
             * Measures
             * @description The measures taken (处理措施), at least one.
             */
            measures: string[];
            /**
             * Outcome
             * @description How the matter was handled (处理结果).
             */
            outcome: string;
        };
        /** HandlingReportOut */
        HandlingReportOut: {
            /**
             * Document Refs
             * @description References of the documents (文书、材料).
             */
            document_refs: string[];
            /**
             * Measures
             * @description The measures taken (处理措施).
             */
            measures: string[];
            /**
             * Outcome
             * @description How the matter was handled (处理结果).
             */
            outcome: string;
            /**
             * Reported At
             * Format: date-time
             */
            reported_at: string;
            /** Reported By */
            reported_by: {
                [key: string]: string;
            };
            /**
             * Round
             * @description 1 for the first report, n + 1 after report n was returned.
             */
            round: number;
        };
        /** IdentityOut */
        IdentityOut: {
            /** Contact */
            contact: string | null;
            /** Id Number */
            id_number: string | null;
            /** Name */
            name: string | null;
        };
        /**
         * InformationIn
         * @description A piece of risk information as filed (Art. 22); petitioner fields only on a petition.
         */
        InformationIn: {
            /**
             * Attachment Refs
             * @description Document references (at most 100).
             */
            attachment_refs?: string[];
            /**
             * Channel
             * @description 网络媒体 online_media · 信访举报 petition · 监督检查 inspection · 数据共享 data_sharing · 信息员报告 officer_report (Art. 22)
             */
            channel: string;
            /**
             * Happened At
             * @description When it happened, if known.
             */
            happened_at?: string | null;
            /**
             * Learned At
             * Format: date-time
             * @description When the filer learned of it.
             */
            learned_at: string;
            /**
             * Petitioner Contact
             * @description 举报人联系方式 (protected).
             */
            petitioner_contact?: string | null;
            /**
             * Petitioner Id Number
             * @description 举报人身份证号 (protected).
             */
            petitioner_id_number?: string | null;
            /**
             * Petitioner Name
             * @description 举报人姓名 (protected).
             */
            petitioner_name?: string | null;
            /**
             * Source Reference
             * @description The source's own reference (e.g. 信访件编号).
             */
            source_reference: string;
            /**
             * Subject Person Id
             * @description Staff id concerned.
             */
            subject_person_id?: string | null;
            /**
             * Subject Post
             * @description The post concerned.
             */
            subject_post?: string | null;
            /**
             * Summary
             * @description What happened (over the size limit: 413).
             */
            summary: string;
            /**
             * Unit Code
             * @description The unit the information is about (主体单位).
             */
            unit_code: string;
        };
        /** InformationOut */
        InformationOut: {
            /** Acknowledged */
            acknowledged: boolean;
            /** Channel */
            channel: string;
            /** Feedback Due At */
            feedback_due_at: string | null;
            /**
             * Filed At
             * Format: date-time
             */
            filed_at: string;
            /** Filed By */
            filed_by: {
                [key: string]: string;
            };
            /** Happened At */
            happened_at: string | null;
            /**
             * Has Protected Source
             * @description A petitioner's identity is sealed (保护举报人).
             */
            has_protected_source: boolean;
            /**
             * Information Id
             * Format: uuid
             */
            information_id: string;
            /**
             * Learned At
             * Format: date-time
             */
            learned_at: string;
            /** Received From */
            received_from: {
                [key: string]: string;
            } | null;
            /** Routed To */
            routed_to: string;
            routing: components["schemas"]["RoutingOutcome"];
            /** Routing Reason */
            routing_reason: string;
            /** Source Reference */
            source_reference: string;
            /** Subject Person Id */
            subject_person_id: string | null;
            /** Subject Post */
            subject_post: string | null;
            /** Summary */
            summary: string;
            /** Unit Code */
            unit_code: string;
        };
        /** IntakeSummaryOut */
        IntakeSummaryOut: {
            /**
             * Breaches By Kind
             * @description Reporting breaches by kind: late 迟报, missed 漏报, concealment_candidate 瞒报线索 (dismissed candidates not counted) (Art. 23).
             */
            breaches_by_kind: {
                [key: string]: number;
            };
            /**
             * Filed By Month
             * @description Information filed per Beijing month, the last twelve (Art. 22).
             */
            filed_by_month: {
                [key: string]: number;
            };
            /**
             * Forwards Awaiting Feedback
             * @description Forwards 批转 whose handling report the lower level still owes (Art. 24).
             */
            forwards_awaiting_feedback: number;
            /**
             * Forwards Overdue
             * @description Of those, past their feedback deadline (Art. 24).
             */
            forwards_overdue: number;
            /** Within */
            within: string;
        };
        /** OfficerOut */
        OfficerOut: {
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Periods */
            periods: components["schemas"]["PeriodOut"][];
            /** User Id */
            user_id: string;
        };
        /** PeriodIn */
        PeriodIn: {
            /**
             * Active From
             * Format: date-time
             */
            active_from: string;
            /** Active Until */
            active_until?: string | null;
            /** Units */
            units: string[];
        };
        /** PeriodOut */
        PeriodOut: {
            /** End */
            end: string | null;
            /**
             * Start
             * Format: date-time
             */
            start: string;
            /** Units */
            units: string[];
        };
        /** PublicQuestionOut */
        PublicQuestionOut: {
            /** Answer */
            answer: string | null;
            /** Answered On */
            answered_on: string | null;
            /**
             * Asked On
             * @description The day it was asked (no time, no name).
             */
            asked_on: string;
            /** Question Id */
            question_id: number;
            /** Text */
            text: string;
        };
        /**
         * PublicReportIn
         * @description A citizen's report (Art. 22): what happened, about which unit; identity optional.
         */
        PublicReportIn: {
            /**
             * Happened At
             * @description When it happened, if known.
             */
            happened_at?: string | null;
            /**
             * Petitioner Contact
             * @description 举报人联系方式 (optional; sealed, never shown back).
             */
            petitioner_contact?: string | null;
            /**
             * Petitioner Name
             * @description 举报人姓名 (optional; sealed, never shown back).
             */
            petitioner_name?: string | null;
            /**
             * Subject Post
             * @description The post concerned, if known.
             */
            subject_post?: string | null;
            /**
             * Summary
             * @description What happened.
             */
            summary: string;
            /**
             * Unit Code
             * @description The unit the report is about.
             */
            unit_code: string;
        };
        /**
         * PublicStatus
         * @description What a citizen may know of their report: received, being handled, concluded.
         * @enum {string}
         */
        PublicStatus: "received" | "handling" | "concluded";
        /** PublicStatusOut */
        PublicStatusOut: {
            /**
             * Questions
             * @description The office's questions to you.
             */
            questions: components["schemas"]["PublicQuestionOut"][];
            /**
             * Received On
             * @description The day the report was received.
             */
            received_on: string;
            /** @description received 已受理 · handling 办理中 · concluded 已办结 */
            status: components["schemas"]["PublicStatus"];
            /** Status Zh */
            status_zh: string;
        };
        /** PublicUnitOut */
        PublicUnitOut: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /** Parent */
            parent: string | null;
        };
        /** QuestionIn */
        QuestionIn: {
            /**
             * Text
             * @description The question (提问).
             */
            text: string;
        };
        /** QuestionOut */
        QuestionOut: {
            /** Answer */
            answer: string | null;
            /** Answered At */
            answered_at: string | null;
            /**
             * Asked At
             * Format: date-time
             */
            asked_at: string;
            /** Asked By */
            asked_by: {
                [key: string]: string;
            };
            /** Question Id */
            question_id: number;
            /** Text */
            text: string;
        };
        /** ReceiptIn */
        ReceiptIn: {
            /**
             * Receipt Code
             * @description The receipt code 查询码 given at filing.
             */
            receipt_code: string;
        };
        /** ReceiptOut */
        ReceiptOut: {
            /**
             * Receipt Code
             * @description Shown once: only its keyed hash is kept (查询码).
             */
            receipt_code: string;
        };
        /** ReceivedForwardOut */
        ReceivedForwardOut: {
            /**
             * Due At
             * @description The latest deadline the level above gave.
             */
            due_at: string | null;
            /** From Node */
            from_node: string;
            /**
             * Handling State
             * @description to_report 待报告 · reported 待上级审核 · returned 退回重办 · signed_off 办结
             */
            handling_state: string;
            /**
             * History
             * @description Our reports and the acts from above.
             */
            history: components["schemas"]["SupervisionOut"][];
            /**
             * Information Id
             * Format: uuid
             */
            information_id: string;
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /** Summary */
            summary: string;
            /** Unit Code */
            unit_code: string;
        };
        /** ReliefIn */
        ReliefIn: {
            /**
             * At
             * Format: date-time
             * @description When the appointment ends.
             */
            at: string;
            /** Reason */
            reason: string;
        };
        /** ReportIn */
        ReportIn: {
            /**
             * Period
             * @description e.g. 2026-01 or 2026-Q1
             */
            period: string;
            /** Summary */
            summary: string;
        };
        /** ReportOut */
        ReportOut: {
            /**
             * Due At
             * Format: date-time
             */
            due_at: string;
            /**
             * Late
             * @description 迟报: submitted after the due time.
             */
            late: boolean;
            /** Period */
            period: string;
            /**
             * Report Id
             * Format: uuid
             */
            report_id: string;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
        };
        /** ReturnIn */
        ReturnIn: {
            /**
             * Reason
             * @description Why the report is returned (退回理由).
             */
            reason: string;
        };
        /** RevealIn */
        RevealIn: {
            /**
             * Reason
             * @description Why it must be opened (事由).
             */
            reason: string;
        };
        /** RevealOut */
        RevealOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** By */
            by: {
                [key: string]: string;
            };
            /** Reason */
            reason: string;
        };
        /** ReviewIn */
        ReviewIn: {
            /**
             * Confirmed
             * @description True confirms 瞒报; False dismisses the candidate.
             */
            confirmed: boolean;
            /**
             * Reason
             * @description Reasons (复核意见); published in ReportingBreachReviewed, so never name a petitioner (保护举报人).
             */
            reason: string;
        };
        /**
         * RoutingOutcome
         * @description Where screening by jurisdiction sends information, 分流 谁主管、谁负责 (Art. 24). Values: accepted = 本级直接处理; forwarded = 批转下级; transferred = 移送上级或纪检监察机关.
         * @enum {string}
         */
        RoutingOutcome: "accepted" | "forwarded" | "transferred";
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
        /** SignOffIn */
        SignOffIn: {
            /**
             * Opinion
             * @description The sign-off opinion (办结意见).
             * @default
             */
            opinion: string;
        };
        /** SupervisionOut */
        SupervisionOut: {
            /**
             * Act
             * @description reported (by us) · chased · returned · signed_off · recorded_overdue (逾期未反馈) (from above)
             */
            act: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** By */
            by: {
                [key: string]: string;
            };
            /** Due At */
            due_at: string | null;
            /**
             * Reason
             * @description The chase's note, the return's reasons, or the opinion.
             */
            reason: string;
        };
        /** ThreadOut */
        ThreadOut: {
            /** Awaiting Answer */
            awaiting_answer: boolean;
            /**
             * Information Id
             * Format: uuid
             */
            information_id: string;
            /** Questions */
            questions: components["schemas"]["QuestionOut"][];
            /** @description What the citizen sees (已受理 · 办理中 · 已办结). */
            status: components["schemas"]["PublicStatus"];
        };
        /** TimelineOut */
        TimelineOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** By */
            by: {
                [key: string]: string;
            } | null;
            /** Detail */
            detail: {
                [key: string]: unknown;
            };
            /** What */
            what: string;
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
    list_breaches_breaches_get: {
        parameters: {
            query?: {
                /** @description Subtree root; your own unit by default. */
                unit?: string | null;
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
                    "application/json": components["schemas"]["BreachOut"][];
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
    review_breach_breaches__breach_id__review_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                breach_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreachOut"];
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
    compliance_compliance_get: {
        parameters: {
            query: {
                period: string;
                /** @description Subtree root; your own unit by default. */
                unit?: string | null;
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
                    "application/json": components["schemas"]["ComplianceOut"];
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
    compliance_by_unit_compliance_units_get: {
        parameters: {
            query: {
                period: string;
                /** @description Subtree root; your own unit by default. */
                unit?: string | null;
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
                    "application/json": components["schemas"]["ComplianceOut"][];
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
    summary_dashboard_get: {
        parameters: {
            query?: {
                within?: string | null;
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
                    "application/json": components["schemas"]["IntakeSummaryOut"];
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
    list_duties_duties_get: {
        parameters: {
            query?: {
                /** @description Subtree root; your own unit by default. */
                unit?: string | null;
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
                    "application/json": components["schemas"]["DutyOut"][];
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
    define_duty_duties_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DutyIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DutyOut"];
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
    submit_report_duties__duty_id__reports_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                duty_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
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
    find_report_wanting_duties__duty_id__reports__period__finding_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                duty_id: string;
                period: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FindingIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindingOut"];
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
    fileable_units_filing_units_get: {
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
                    "application/json": components["schemas"]["FileableUnitOut"][];
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
    forwards_forwards_get: {
        parameters: {
            query?: {
                /** @description Subtree root; your unit by default. */
                unit?: string | null;
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
                    "application/json": components["schemas"]["ForwardOut"][];
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
    received_forwards_received_get: {
        parameters: {
            query?: {
                /** @description Subtree root; your unit by default. */
                unit?: string | null;
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
                    "application/json": components["schemas"]["ReceivedForwardOut"][];
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
    chase_forwards__information_id__chase_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                information_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChaseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForwardOut"];
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
    return_report_forwards__information_id__return_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                information_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForwardOut"];
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
    sign_off_forwards__information_id__sign_off_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                information_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignOffIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForwardOut"];
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
                /** @description Subtree root; your own unit by default. */
                unit?: string | null;
                /** @description accepted 本级直接处理 · forwarded 批转下级 · awaiting 待下级反馈 · transferred 已移送 · received 上级批转来 (Art. 22–24); every case by default. */
                status?: ("accepted" | "forwarded" | "awaiting" | "transferred" | "received") | null;
                /** @description Only the cases filed on this channel (Art. 22). */
                channel?: components["schemas"]["Channel"] | null;
                /** @description Newest filed first (the console's list); oldest first by default. */
                newest_first?: boolean;
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
                    "application/json": components["schemas"]["CaseRow"][];
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
    file_information_information_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A resubmission with the same key gets the first answer (幂等). */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InformationIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FilingOut"];
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
    import_information_information_imports_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A resubmission with the same key gets the first answer (幂等). */
                "Idempotency-Key"?: string | null;
            };
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
                    "application/json": unknown;
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
    get_information_information__information_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                information_id: string;
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
                    "application/json": components["schemas"]["InformationOut"];
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
    citizen_thread_information__information_id__citizen_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                information_id: string;
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
                    "application/json": components["schemas"]["ThreadOut"];
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
    ask_information__information_id__citizen_questions_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                information_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuestionIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadOut"];
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
    report_handling_information__information_id__handling_report_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                information_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandlingReportIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivedForwardOut"];
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
    reveal_identity_information__information_id__identity_reveal_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                information_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityOut"];
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
    identity_reveals_information__information_id__identity_reveals_get: {
        parameters: {
            query?: {
                /** @description How many items at most in this page (1–200; default 200). */
                limit?: number;
                /** @description The `X-Next-Cursor` header of the previous page, as it was given (opaque). */
                cursor?: string | null;
            };
            header?: never;
            path: {
                information_id: string;
            };
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
                    "application/json": components["schemas"]["RevealOut"][];
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
    case_reads_information__information_id__reads_get: {
        parameters: {
            query?: {
                /** @description How many items at most in this page (1–200; default 200). */
                limit?: number;
                /** @description The `X-Next-Cursor` header of the previous page, as it was given (opaque). */
                cursor?: string | null;
            };
            header?: never;
            path: {
                information_id: string;
            };
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
                    "application/json": components["schemas"]["CaseReadOut"][];
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
    timeline_information__information_id__timeline_get: {
        parameters: {
            query?: {
                /** @description How many items at most in this page (1–200; default 200). */
                limit?: number;
                /** @description The `X-Next-Cursor` header of the previous page, as it was given (opaque). */
                cursor?: string | null;
            };
            header?: never;
            path: {
                information_id: string;
            };
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
                    "application/json": components["schemas"]["TimelineOut"][];
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
    transfer_to_discipline_information__information_id__transfer_to_discipline_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                information_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisciplineTransferIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisciplineTransferOut"];
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
    list_officers_officers_get: {
        parameters: {
            query?: {
                /** @description Subtree root; your own unit by default. */
                unit?: string | null;
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
                    "application/json": components["schemas"]["OfficerOut"][];
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
    appoint_officers_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficerOut"];
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
    reappoint_officers__user_id__periods_post: {
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
                "application/json": components["schemas"]["PeriodIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficerOut"];
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
    relieve_officers__user_id__relief_post: {
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
                "application/json": components["schemas"]["ReliefIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficerOut"];
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
    file_report_public_reports_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicReportIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptOut"];
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
    answer_public_reports_answers_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicStatusOut"];
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
    report_status_public_reports_status_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiptIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicStatusOut"];
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
    public_units_public_units_get: {
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
                    "application/json": components["schemas"]["PublicUnitOut"][];
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
                    "application/json": components["schemas"]["TodoItem"][];
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
