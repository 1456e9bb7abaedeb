// Generated from console/openapi/warning.json by `npm run gen:api`: do not edit.
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
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The warning service's figures of a subtree for the district dashboard */
        get: operations["summary_dashboard_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deadline-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Actions and deadlines per warning level on this node (Art. 28) */
        get: operations["deadline_rules_deadline_rules_get"];
        put?: never;
        post?: never;
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
    "/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Proposals in your subtree 待审核的预警建议 (Art. 27, 28) */
        get: operations["list_proposals_proposals_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{proposal_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One proposal, its meeting and what followed (Art. 28) */
        get: operations["get_proposal_proposals__proposal_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{proposal_id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the review meeting's decision 专题会议审核 (Art. 28) */
        post: operations["review_proposals__proposal_id__review_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{proposal_id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer a violation 移送相关部门 (Art. 28(4)) */
        post: operations["transfer_proposals__proposal_id__transfer_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{proposal_id}/warning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue the warning notice the meeting decided 发出预警通知书 (Art. 28) */
        post: operations["issue_proposals__proposal_id__warning_post"];
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
         * What the warning service asks of you next: review, act, verify, supervise (工作台)
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
    "/warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Warnings by level, unit and deadline 预警台账 (Art. 28) */
        get: operations["list_warnings_warnings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/warnings/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Disposal steps reported to a unit 条块结合 (Art. 27, 29)
         * @description A business department reads here what the units it leads report to it, on whichever
         *     node disposes of them (Art. 27: its people are admitted to this node for it); the office
         *     and leaders of the level above read the inbox of a unit of theirs here too (Art. 29).
         */
        get: operations["inbox_warnings_inbox_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/warnings/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overdue actions 逾期未整改清单 (Art. 28) */
        get: operations["list_overdue_warnings_overdue_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/warnings/{warning_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One warning and its actions (Art. 28) */
        get: operations["get_warning_warnings__warning_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/warnings/{warning_id}/actions/{action_id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report what was done for an action 报送落实情况 (Art. 28) */
        post: operations["report_warnings__warning_id__actions__action_id__reports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/warnings/{warning_id}/actions/{action_id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify or return a report 核实/退回; all verified closes the warning (Art. 28) */
        post: operations["verify_warnings__warning_id__actions__action_id__verification_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/warnings/{warning_id}/notice.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The printable warning notice 预警通知书, deadlines in Beijing time (Art. 28) */
        get: operations["get_notice_warnings__warning_id__notice_html_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/warnings/{warning_id}/notice.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The warning notice 预警通知书 as an A4 PDF to print and file (Art. 28) */
        get: operations["get_notice_pdf_warnings__warning_id__notice_pdf_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/warnings/{warning_id}/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the level above supervises a warning's disposal 分级监督 (Art. 29) */
        get: operations["get_supervision_warnings__warning_id__supervision_get"];
        put?: never;
        /** Chase 督办, return 退回 or sign off 办结 a disposal, from the level above (Art. 29) */
        post: operations["supervise_warnings__warning_id__supervision_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/warnings/{warning_id}/supervision/rework": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The disposing body reports its rework of a returned disposal (Art. 29) */
        post: operations["rework_warnings__warning_id__supervision_rework_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/warnings/{warning_id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A warning's full timeline 处置全过程 (Art. 27–29) */
        get: operations["get_timeline_warnings__warning_id__timeline_get"];
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
        /** ActOut */
        ActOut: {
            /**
             * Act
             * @description chased 督办 · returned 退回 · resubmitted 重报 · signed_off 办结
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
            /** Document Refs */
            document_refs: string[];
            /**
             * Text
             * @description The note, the reasons, the rework or the opinion.
             */
            text: string;
        };
        /**
         * ActionHolder
         * @description Whose duty a warning's action is, and so whose lapse a missed deadline is (Art. 28). Values: disposing_body = 处置机关; warned_unit = 预警对象.
         * @enum {string}
         */
        ActionHolder: "disposing_body" | "warned_unit";
        /**
         * ActionKind
         * @description What a warning requires of its subject or of the disposing body, 处置措施 (Art. 28). Values: explanation = 作出说明、分析原因; self_analysis = 写出剖析材料; warning_talk = 预警谈话; rectification = 限期整改; measures_revision = 制定或修正整改措施; leader_talk = 对分管领导进行预警谈话; internal_criticism = 内部通报批评; inquiry = 询问与质询; deep_analysis = 深刻分析原因; principal_leader_talk = 对所在单位主要领导进行预警谈话; recommendation_letter = 纪律检查(监察)建议书; off_post_study = 离岗学习、停职检查.
         * @enum {string}
         */
        ActionKind: "explanation" | "self_analysis" | "warning_talk" | "rectification" | "measures_revision" | "leader_talk" | "internal_criticism" | "inquiry" | "deep_analysis" | "principal_leader_talk" | "recommendation_letter" | "off_post_study";
        /**
         * ActionOut
         * @description One action a warning requires, its deadline 限期 and where it stands (Art. 28).
         */
        ActionOut: {
            /**
             * Action Id
             * Format: uuid
             */
            action_id: string;
            /** Description */
            description: string;
            /**
             * Due At
             * Format: date-time
             */
            due_at: string;
            /** @description Whose duty: disposing_body 处置机关 or warned_unit 预警对象 (Art. 28). */
            holder: components["schemas"]["ActionHolder"];
            /** Kind */
            kind: string;
            /** Status */
            status: string;
        };
        /** ActionRuleOut */
        ActionRuleOut: {
            /**
             * Days
             * @description Calendar days from issue 规定时限.
             */
            days: number;
            /** Description */
            description: string;
            /**
             * Holder
             * @description Whose duty: the warned unit or the disposing body.
             */
            holder: string;
            /** Kind */
            kind: string;
            /**
             * Optional
             * @description 视情况: only where the review meeting decides.
             */
            optional: boolean;
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
        /** DeadlineRulesOut */
        DeadlineRulesOut: {
            /**
             * Escalation
             * @description An overdue warning of this level proposes re-grading to that level's grade.
             */
            escalation: {
                [key: string]: string;
            };
            /**
             * Notice Pattern
             * @description LIANFANG_WARNING_NOTICE_PATTERN 预警通知书文号.
             */
            notice_pattern: string;
            /**
             * Plans
             * @description level -> its actions (Art. 28).
             */
            plans: {
                [key: string]: components["schemas"]["ActionRuleOut"][];
            };
            /**
             * Remind Days Before
             * @description LIANFANG_WARNING_REMIND_DAYS_BEFORE.
             */
            remind_days_before: number;
            /**
             * Rework Days
             * @description LIANFANG_WARNING_REWORK_DAYS (Art. 29).
             */
            rework_days: number;
        };
        /**
         * Decision
         * @description What the review meeting decided (审核意见, Art. 28).
         *
         *     There is no "change the level": the level follows the grade (Art. 28), and a different level
         *     needs a re-grade through the grade's own procedure (Art. 14).
         * @enum {string}
         */
        Decision: "issue" | "no_warning" | "transfer" | "regrade";
        /** EffectiveSettingsOut */
        EffectiveSettingsOut: {
            /** Node Id */
            node_id: string;
            /** Service */
            service: string;
            /** Settings */
            settings: components["schemas"]["SettingOut"][];
        };
        /**
         * EntryOut
         * @description One step of a disposal's timeline 处置全过程: when, what, by whom (Art. 27–29).
         */
        EntryOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** By */
            by: string;
            /** Detail */
            detail: {
                [key: string]: unknown;
            };
            /** Label Zh */
            label_zh: string;
            /** Step */
            step: string;
            /**
             * Subject Id
             * Format: uuid
             */
            subject_id: string;
        };
        /**
         * Grade
         * @description Risk grade, 风险等级 高/中/低 (Art. 14). Values: high = 高; medium = 中; low = 低.
         * @enum {string}
         */
        Grade: "high" | "medium" | "low";
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /**
         * InboxEntryOut
         * @description A step reported to a unit 条块结合 (Art. 27), with whose disposal it is.
         */
        InboxEntryOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** By */
            by: string;
            /** Detail */
            detail: {
                [key: string]: unknown;
            };
            /** Label Zh */
            label_zh: string;
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
             * @description The warned unit 预警对象 the disposal concerns.
             */
            subject_unit: string;
            /**
             * Warning Id
             * @description The warning, once issued (the step's disposal; null for a proposal).
             */
            warning_id: string | null;
        };
        /**
         * IssueIn
         * @description Issue the decided warning notice 发出预警通知书 (Art. 28).
         */
        IssueIn: {
            /**
             * Deadlines
             * @description Deadlines differing from the defaults (限期), future.
             */
            deadlines?: {
                [key: string]: string;
            };
            /**
             * Subject Person Id
             * @description Staff id of the person warned.
             */
            subject_person_id?: string | null;
        };
        /**
         * MeetingOut
         * @description The review meeting's record as the console shows it (专题会议审核, Art. 28).
         */
        MeetingOut: {
            /** Attendees */
            attendees: string[];
            decision: components["schemas"]["Decision"];
            /**
             * Held On
             * Format: date
             */
            held_on: string;
            level: components["schemas"]["WarningLevel"] | null;
            /**
             * Meeting Id
             * Format: uuid
             */
            meeting_id: string;
            /** Minutes Ref */
            minutes_ref: string;
            /** Optional Actions */
            optional_actions: components["schemas"]["ActionKind"][];
            /** Reasons */
            reasons: string;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
        };
        /**
         * OverdueOut
         * @description An action found overdue 逾期未整改, whose lapse it is, and any re-grade it proposed.
         */
        OverdueOut: {
            /**
             * Action Id
             * Format: uuid
             */
            action_id: string;
            /** Action Kind */
            action_kind: string;
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
            /** Escalation Id */
            escalation_id: string | null;
            /** @description Whose duty the action was (Art. 28). */
            holder: components["schemas"]["ActionHolder"];
            /**
             * Holder Unit
             * @description The unit the lapse is charged to.
             */
            holder_unit: string;
            /** Level */
            level: string;
            /** Notice Number */
            notice_number: string;
            /**
             * Unit Code
             * @description The warned unit.
             */
            unit_code: string;
            /**
             * Warning Id
             * Format: uuid
             */
            warning_id: string;
        };
        /**
         * ProposalDetailOut
         * @description A proposal with why it was made, what its meeting decided and what followed (Art. 27, 28):
         *     the page from which the office issues the notice or transfers the case.
         */
        ProposalDetailOut: {
            /** Disposing Unit */
            disposing_unit: string;
            /** @description The grade that level follows. */
            grade: components["schemas"]["Grade"] | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /**
             * Level
             * @description The level the point's grade calls for (Art. 28); once reviewed, the one decided. Null while no grading of the point has arrived, and for other kinds.
             */
            level: string | null;
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /**
             * Reasoning
             * @description Why the disposal is proposed (研判意见 or escalation).
             */
            reasoning: string;
            /** Reported To */
            reported_to: string[];
            /** @description The review meeting's record, once held. */
            review: components["schemas"]["MeetingOut"] | null;
            /** Risk Point Id */
            risk_point_id: string | null;
            /** Source */
            source: string;
            /** Status */
            status: string;
            /** Subject Unit */
            subject_unit: string;
            /** @description For a re-grade proposal: the grade it suggests examining (Art. 14). */
            suggested_grade: components["schemas"]["Grade"] | null;
            /**
             * Transferred To
             * @description The competent body it was transferred to.
             */
            transferred_to: string | null;
            /**
             * Warning Id
             * @description The warning issued on the meeting's decision.
             */
            warning_id: string | null;
        };
        /**
         * ProposalOut
         * @description A disposal proposal 预警处置建议 and where it stands (Art. 27, 28).
         */
        ProposalOut: {
            /** Disposing Unit */
            disposing_unit: string;
            /** @description The grade that level follows. */
            grade: components["schemas"]["Grade"] | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /**
             * Level
             * @description The level the point's grade calls for (Art. 28); once reviewed, the one decided. Null while no grading of the point has arrived, and for other kinds.
             */
            level: string | null;
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /** Reported To */
            reported_to: string[];
            /** Risk Point Id */
            risk_point_id: string | null;
            /** Source */
            source: string;
            /** Status */
            status: string;
            /** Subject Unit */
            subject_unit: string;
            /** @description For a re-grade proposal: the grade it suggests examining (Art. 14). */
            suggested_grade: components["schemas"]["Grade"] | null;
        };
        /**
         * ProposalStatus
         * @description Where a proposal stands between its opening and its disposal (Art. 28).
         * @enum {string}
         */
        ProposalStatus: "open" | "decided" | "issued" | "transferred" | "dismissed" | "referred";
        /**
         * ReportIn
         * @description What was done for an action 落实情况 (Art. 28).
         */
        ReportIn: {
            /**
             * Document Refs
             * @description References of documents (材料), e.g. 剖析材料 file ids.
             */
            document_refs?: string[];
            /**
             * Held At
             * @description When a talk or inquiry was held (谈话时间).
             */
            held_at?: string | null;
            /**
             * Note
             * @description What was done (整改/处理情况).
             * @default
             */
            note: string;
            /**
             * Participants
             * @description Who took part (参加人员).
             */
            participants?: string[];
        };
        /**
         * ReviewIn
         * @description The review meeting's record 专题会议审核 (Art. 28).
         */
        ReviewIn: {
            /**
             * Attendees
             * @description Who attended (参会人员).
             */
            attendees: string[];
            /** @description issue 按风险等级预警 (the level the point's grade calls for: 低 yellow, 中 orange, 高 red, Art. 28); no_warning 不予预警; transfer 移送相关部门; regrade 提请重新评定风险等级 (a re-grade proposal only). */
            decision: components["schemas"]["Decision"];
            /**
             * Held On
             * Format: date
             * @description When the meeting was held (会议日期); not in the future.
             */
            held_on: string;
            /** @description Optional, for issue: if given, it must be the level the grade calls for; another level is refused (409): re-grade the point (Art. 14) to change it. */
            level?: components["schemas"]["WarningLevel"] | null;
            /**
             * Minutes Ref
             * @description Minutes (会议纪要文号).
             */
            minutes_ref: string;
            /**
             * Optional Actions
             * @description Actions taken only where decided (视情况): inquiry 询问与质询 (orange), off_post_study 离岗学习、停职检查 (red).
             */
            optional_actions?: components["schemas"]["ActionKind"][];
            /**
             * Reasons
             * @description Why (理由); required unless issue.
             * @default
             */
            reasons: string;
        };
        /**
         * ReviewedOut
         * @description The review meeting recorded, and the proposal's status after it (Art. 28).
         */
        ReviewedOut: {
            /**
             * Meeting Id
             * Format: uuid
             */
            meeting_id: string;
            /** Status */
            status: string;
        };
        /** ReworkIn */
        ReworkIn: {
            /** Document Refs */
            document_refs?: string[];
            /**
             * Note
             * @description What was reworked.
             */
            note: string;
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
        /** SuperviseIn */
        SuperviseIn: {
            /**
             * Act
             * @description chased = 督办; returned = 退回 (with reasons); signed_off = 办结
             * @enum {string}
             */
            act: "chased" | "returned" | "signed_off";
            /**
             * Text
             * @description What the chase asks, why returned, or the opinion.
             * @default
             */
            text: string;
        };
        /** SupervisionOut */
        SupervisionOut: {
            /** Acts */
            acts: components["schemas"]["ActOut"][];
            /** Disposing Unit */
            disposing_unit: string;
            /**
             * Rework Due At
             * @description While a return awaits its rework: its deadline 重办期限 (Art. 29).
             */
            rework_due_at?: string | null;
            /**
             * Rework Overdue
             * @description The rework's deadline passed unanswered, as the service recorded it (DisposalReworkOverdue, the disposing body's lapse, Art. 29).
             * @default false
             */
            rework_overdue: boolean;
            /** @description watching 监督中 · returned 退回重办 · resubmitted 已重报 · signed_off 办结 */
            state: components["schemas"]["SupervisionState"];
            /**
             * Warning Id
             * Format: uuid
             */
            warning_id: string;
        };
        /**
         * SupervisionState
         * @description Where the level above stands on a disposal (Art. 29).
         * @enum {string}
         */
        SupervisionState: "watching" | "returned" | "resubmitted" | "signed_off";
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
         * TransferIn
         * @description Transfer a violation to the competent body 移送 (Art. 28(4)).
         */
        TransferIn: {
            /**
             * Reference
             * @description Letter ref (移送函文号).
             */
            reference: string;
            /**
             * To Body
             * @description Competent body (移送机关).
             */
            to_body: string;
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
        /**
         * VerifyIn
         * @description The office's verification 核实 of a report, or its return 退回 (Art. 28).
         */
        VerifyIn: {
            /**
             * Accepted
             * @description True: verified (核实通过); false: returned (退回).
             */
            accepted: boolean;
            /**
             * Reason
             * @description Why returned (退回理由).
             * @default
             */
            reason: string;
        };
        /**
         * WarningLevel
         * @description Early-warning level, 预警等级 黄/橙/红, from low to high risk (Art. 28). Values: yellow = 黄色预警; orange = 橙色预警; red = 红色预警.
         * @enum {string}
         */
        WarningLevel: "yellow" | "orange" | "red";
        /**
         * WarningLine
         * @description One line of the warnings list 预警台账 (Art. 28), with its rework deadline (Art. 29).
         */
        WarningLine: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Open */
            is_open: boolean;
            /**
             * Issued At
             * Format: date-time
             * @description When the notice was issued (the dashboard's month).
             */
            issued_at: string;
            /** Level */
            level: string;
            /** Next Due At */
            next_due_at: string | null;
            /** Notice Number */
            notice_number: string;
            /**
             * Rework Due At
             * @description While a return awaits its rework: its deadline 重办期限 (Art. 29).
             */
            rework_due_at?: string | null;
            /**
             * Rework Overdue
             * @description The rework's deadline passed unanswered, as the service recorded it (DisposalReworkOverdue, the disposing body's lapse, Art. 29).
             * @default false
             */
            rework_overdue: boolean;
            /** Subject Unit */
            subject_unit: string;
            /**
             * @description The level above's supervision of the disposal 分级监督 (Art. 29): watching 监督中 · returned 退回重办 · resubmitted 已重报 · signed_off 已办结
             * @default watching
             */
            supervision_state: components["schemas"]["SupervisionState"];
        };
        /**
         * WarningOut
         * @description An issued warning 预警通知书 and its actions (Art. 28).
         */
        WarningOut: {
            /** Actions */
            actions: components["schemas"]["ActionOut"][];
            /** Disposing Unit */
            disposing_unit: string;
            /** @description The risk point's grade the level followed (Art. 28). */
            grade: components["schemas"]["Grade"] | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Open */
            is_open: boolean;
            /**
             * Issued At
             * Format: date-time
             */
            issued_at: string;
            /** Level */
            level: string;
            /** Notice Number */
            notice_number: string;
            /** Reported To */
            reported_to: string[];
            /** Subject Unit */
            subject_unit: string;
        };
        /** WarningSummaryOut */
        WarningSummaryOut: {
            /**
             * Issued By Month
             * @description Warnings issued per Beijing month, the last twelve (Art. 28).
             */
            issued_by_month: {
                [key: string]: number;
            };
            /**
             * Open By Level And Town
             * @description Open warnings: level (yellow 黄, orange 橙, red 红) -> town code -> count; '-' for units in no town (Art. 28).
             */
            open_by_level_and_town: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            /**
             * Overdue Actions
             * @description Actions found overdue 逾期未整改, as the overdue list shows them (Art. 28).
             */
            overdue_actions: number;
            /** Within */
            within: string;
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
                    "application/json": components["schemas"]["WarningSummaryOut"];
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
    deadline_rules_deadline_rules_get: {
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
                    "application/json": components["schemas"]["DeadlineRulesOut"];
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
    list_proposals_proposals_get: {
        parameters: {
            query?: {
                within?: string | null;
                status?: components["schemas"]["ProposalStatus"] | null;
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
                    "application/json": components["schemas"]["ProposalOut"][];
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
    get_proposal_proposals__proposal_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposal_id: string;
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
                    "application/json": components["schemas"]["ProposalDetailOut"];
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
    review_proposals__proposal_id__review_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposal_id: string;
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewedOut"];
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
    transfer_proposals__proposal_id__transfer_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposal_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalOut"];
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
    issue_proposals__proposal_id__warning_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposal_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningOut"];
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
    list_warnings_warnings_get: {
        parameters: {
            query?: {
                within?: string | null;
                level?: components["schemas"]["WarningLevel"] | null;
                due_before?: string | null;
                include_closed?: boolean;
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
                    "application/json": components["schemas"]["WarningLine"][];
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
    inbox_warnings_inbox_get: {
        parameters: {
            query?: {
                unit_code?: string | null;
                /** @description Only the steps that happened before this time (a merged page's end). */
                before?: string | null;
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
                    "application/json": components["schemas"]["InboxEntryOut"][];
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
    list_overdue_warnings_overdue_get: {
        parameters: {
            query?: {
                within?: string | null;
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
                    "application/json": components["schemas"]["OverdueOut"][];
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
    get_warning_warnings__warning_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                warning_id: string;
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
                    "application/json": components["schemas"]["WarningOut"];
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
    report_warnings__warning_id__actions__action_id__reports_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                warning_id: string;
                action_id: string;
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
                    "application/json": components["schemas"]["WarningOut"];
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
    verify_warnings__warning_id__actions__action_id__verification_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                warning_id: string;
                action_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningOut"];
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
    get_notice_warnings__warning_id__notice_html_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                warning_id: string;
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
                    "text/html": string;
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
    get_notice_pdf_warnings__warning_id__notice_pdf_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                warning_id: string;
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
                    "application/pdf": unknown;
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
    get_supervision_warnings__warning_id__supervision_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                warning_id: string;
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
                    "application/json": components["schemas"]["SupervisionOut"];
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
    supervise_warnings__warning_id__supervision_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                warning_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuperviseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionOut"];
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
    rework_warnings__warning_id__supervision_rework_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                warning_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReworkIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionOut"];
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
    get_timeline_warnings__warning_id__timeline_get: {
        parameters: {
            query?: {
                /** @description How many items at most in this page (1–200; default 200). */
                limit?: number;
                /** @description The `X-Next-Cursor` header of the previous page, as it was given (opaque). */
                cursor?: string | null;
            };
            header?: never;
            path: {
                warning_id: string;
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
                    "application/json": components["schemas"]["EntryOut"][];
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
