// Generated from console/openapi/register.json by `npm run gen:api`: do not edit.
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
        /** The register's figures of a subtree for the district dashboard */
        get: operations["summary_dashboard_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grading/rule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The grading rule, factor meanings, quorum (Art. 14) */
        get: operations["grading_rule_grading_rule_get"];
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
    "/information": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reported information of a subtree, by status (Art. 21, 25) */
        get: operations["list_information_information_get"];
        put?: never;
        post?: never;
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
        /** Information with its verification and judgement */
        get: operations["get_information_information__information_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/judgement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Propose the judgement, as a member of the 研判小组 (Art. 14, 23, 25, 28)
         * @description The judgement is checked in full now and is made (JudgementMade, and the point's RiskGraded) once enough members of the group signed it (POST .../sign-off; the proposer's sign-off counts). Non-members are refused (403, Art. 25).
         */
        post: operations["judge_information__information_id__judgement_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/judgement/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign the proposed judgement, as a member of the 研判小组 (Art. 25)
         * @description With the last sign-off needed the judgement is made. A member signs once (409); non-members are refused (403).
         */
        post: operations["sign_off_information__information_id__judgement_sign_off_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/judgement/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw the proposed judgement, as its proposer, before it is made (Art. 25)
         * @description Only the member who proposed it withdraws it (others: 403), with a reason (422 without); a judgement already made stands (409). Who, when and why are recorded, the sign-offs lapse, and a member may propose afresh.
         */
        post: operations["withdraw_information__information_id__judgement_withdrawal_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information/{information_id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a verification 核实 (Art. 21, 25) */
        post: operations["verify_information__information_id__verification_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/measure-deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Measures by due date, reminders and lapses (Art. 14, 15) */
        get: operations["measure_deadlines_measure_deadlines_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue of prevention measures (Art. 15–20) */
        get: operations["measure_catalogue_measures_get"];
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
    "/powers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The power catalogue of a subtree (Art. 11) */
        get: operations["list_powers_powers_get"];
        put?: never;
        /** Catalogue a power (Art. 11) */
        post: operations["catalogue_power_powers_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/powers/{power_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One power with every flowchart version (Art. 11) */
        get: operations["get_power_powers__power_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/powers/{power_id}/flowchart.mmd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A flowchart as Mermaid text (Art. 11); see flowchart.svg for a drawing */
        get: operations["flowchart_mermaid_powers__power_id__flowchart_mmd_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/powers/{power_id}/flowchart.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A flowchart drawn as SVG, discretion and risk points marked (Art. 11, 13) */
        get: operations["flowchart_svg_powers__power_id__flowchart_svg_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/powers/{power_id}/flowcharts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draw a new flowchart version 绘制权力运行流程图 (Art. 11) */
        post: operations["draw_flowchart_powers__power_id__flowcharts_post"];
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
    "/register/heat-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Risk points by unit × category × grade (Art. 13, 14) */
        get: operations["heat_map_register_heat_map_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register of a subtree, filtered (Art. 10, 13, 14) */
        get: operations["list_risk_points_risk_points_get"];
        put?: never;
        /** Enter a risk point (Art. 10–13) */
        post: operations["identify_risk_points_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The register of a subtree a page at a time, filtered by unit and focus too (Art. 10)
         * @description The same rows as `/risk-points` in the same order; the console's table pages on the
         *     server with it (issue #15). `/risk-points` itself still answers the whole list.
         */
        get: operations["page_of_risk_points_risk_points_page_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One risk point with its history (Art. 10–15) */
        get: operations["get_risk_point_risk_points__risk_point_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Revise the content of a point awaiting grading or approval (Art. 30) */
        put: operations["revise_content_risk_points__risk_point_id__content_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}/grading": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grade or re-grade (Art. 14, 30) */
        post: operations["grade_risk_points__risk_point_id__grading_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}/in-force": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put into force after publication 生效 (Art. 10) */
        post: operations["bring_into_force_risk_points__risk_point_id__in_force_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a prevention measure (Art. 15–20) */
        post: operations["choose_measure_risk_points__risk_point_id__measures_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}/measures/{measure_code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Record how a chosen measure stands (Art. 15) */
        patch: operations["update_measure_risk_points__risk_point_id__measures__measure_code__patch"];
        trace?: never;
    };
    "/risk-points/{risk_point_id}/measures/{measure_code}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a measure reported done, not by its owner 核验落实 (Art. 15) */
        post: operations["verify_measure_risk_points__risk_point_id__measures__measure_code__verification_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an objection during publication (Art. 10) */
        post: operations["object_to_risk_points__risk_point_id__objections_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}/objections/{number}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer an objection (Art. 10) */
        post: operations["answer_risk_points__risk_point_id__objections__number__answer_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}/publication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish an approved point 公示 (Art. 10) */
        post: operations["publish_risk_points__risk_point_id__publication_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}/resubmission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a revised point, grade kept, to the leadership team again (Art. 14, 30) */
        post: operations["resubmit_risk_points__risk_point_id__resubmission_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-points/{risk_point_id}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vote on the grading 集体审定 (Art. 14) */
        post: operations["vote_risk_points__risk_point_id__votes_post"];
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
         * What the register asks of you next: judge, vote, publish, answer, measures (工作台)
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
    "/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units of a subtree (Art. 5) */
        get: operations["list_units_units_get"];
        put?: never;
        /** Register a unit (Art. 5) */
        post: operations["register_unit_units_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import units from CSV or JSON, all or nothing (Art. 5)
         * @description Send `text/csv` (header: code,name,kind,parent,node,principal_leader,leadership_team; team ids separated by ';') or `application/json` ({'units': [...]}, the seed file's form). Bad rows: 422 listing every problem as {row, field, msg}; nothing is imported. CSV rows are numbered by line (header = 1), JSON rows from 1.
         */
        post: operations["import_units_units_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a unit: name, kind, parent, node, leaders (Art. 5–7) */
        put: operations["change_unit_units__code__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{code}/judgement-group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's 研判小组 and its members (Art. 25) */
        get: operations["get_group_units__code__judgement_group_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{code}/judgement-group/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appoint a member of the unit's 研判小组 (Art. 25) */
        post: operations["appoint_units__code__judgement_group_members_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{code}/judgement-group/members/{user_id}/removal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a member of the unit's 研判小组 (Art. 25) */
        post: operations["remove_units__code__judgement_group_members__user_id__removal_post"];
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
         * AnswerIn
         * @description The answer to an objection (异议答复, Art. 10).
         */
        AnswerIn: {
            /**
             * Answer
             * @description The answer (答复意见).
             */
            answer: string;
        };
        /**
         * AppointmentIn
         * @description A member appointed to the unit's 研判小组, on an authority (Art. 25).
         */
        AppointmentIn: {
            /**
             * Authority
             * @description The appointing document (任命文件), e.g. 太和党发〔2026〕3号.
             */
            authority: string;
            /**
             * Name
             * @description The member's name (姓名), if given.
             * @default
             */
            name: string;
            /**
             * User Id
             * @description Staff id of the member.
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
        /** ChangedOut */
        ChangedOut: {
            /**
             * Changed
             * @description The fields that changed; empty if none did.
             */
            changed: string[];
        };
        /**
         * ContentIn
         * @description The revised content of a risk point (风险内容修正, Art. 13, 30).
         */
        ContentIn: {
            /** @description Risk category (风险类别, Art. 13). */
            category: components["schemas"]["RiskCategory"];
            /**
             * Description
             * @description The risk (风险描述).
             */
            description: string;
            /** @description Focus flags (排查重点, Art. 12). */
            focus?: components["schemas"]["FocusIn"];
            /**
             * Manifestations
             * @description How the risk shows (风险表现形式, Art. 10).
             */
            manifestations: string[];
            /**
             * Reason
             * @description Why it changes (修正理由).
             */
            reason: string;
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
        /**
         * FlowStepIn
         * @description One step of a power's flowchart (权力运行流程图的环节) (Art. 11).
         */
        FlowStepIn: {
            /**
             * Checks
             * @description Checks before the next step (监督制约措施), e.g. 复核, 集体研究.
             */
            checks?: string[];
            /**
             * Discretion
             * @description Whether discretion is exercised here (自由裁量).
             */
            discretion: boolean;
            /**
             * Key
             * @description Short id of the step, unique in the flowchart, e.g. 'survey'.
             */
            key: string;
            /**
             * Name
             * @description What happens (环节名称).
             */
            name: string;
            /**
             * Post
             * @description The acting post (承办岗位).
             */
            post: string;
            /**
             * Time Limit Days
             * @description Time limit in days (办理时限, 日).
             */
            time_limit_days: number;
        };
        /**
         * FlowchartIn
         * @description A new version of a power's flowchart: its ordered steps (Art. 11).
         */
        FlowchartIn: {
            /**
             * Steps
             * @description The steps in order (流程环节).
             */
            steps: components["schemas"]["FlowStepIn"][];
        };
        /** FlowchartOut */
        FlowchartOut: {
            /**
             * Drawn At
             * Format: date-time
             * @description When.
             */
            drawn_at: string;
            /**
             * Drawn By
             * @description Who drew it.
             */
            drawn_by: string;
            /**
             * Steps
             * @description The steps in order.
             */
            steps: components["schemas"]["FlowStepIn"][];
            /**
             * Version
             * @description Version number of the flowchart (流程图版本).
             */
            version: number;
        };
        /**
         * FocusIn
         * @description Why the point deserves focus 排查重点 (Art. 12).
         */
        FocusIn: {
            /**
             * Key Post Or Link
             * @description Important post or key link (重要岗位和关键环节).
             * @default false
             */
            key_post_or_link: boolean;
            /**
             * Many Complaints
             * @description Many public complaints (群众反映问题较多).
             * @default false
             */
            many_complaints: boolean;
            /**
             * Past Violation
             * @description Past violations here (曾经出现过违纪违法问题).
             * @default false
             */
            past_violation: boolean;
        };
        /**
         * Grade
         * @description Risk grade, 风险等级 高/中/低 (Art. 14). Values: high = 高; medium = 中; low = 低.
         * @enum {string}
         */
        Grade: "high" | "medium" | "low";
        /** GradedOut */
        GradedOut: {
            /** @description The grade now on record (风险等级). */
            grade: components["schemas"]["Grade"];
            /**
             * Status
             * @description Where the point now is (draft/graded/approved/...).
             */
            status: string;
        };
        /**
         * GradingFactors
         * @description The four factors a risk grade is assessed from, each 1 (least) to 5 (most) (Art. 14).
         */
        GradingFactors: {
            /**
             * Discretion
             * @description Size of discretion (自由裁量权的大小): 1 none … 5 very wide.
             */
            discretion: number;
            /**
             * Harm
             * @description Degree of harm (危害程度) if it happens: 1 slight … 5 severe.
             */
            harm: number;
            /**
             * Importance
             * @description Importance of the power (权力的重要程度): 1 minor … 5 major.
             */
            importance: number;
            /**
             * Probability
             * @description Probability of corruption (腐败现象发生的概率): 1 rare … 5 likely.
             */
            probability: number;
        };
        /**
         * GradingIn
         * @description A grading or re-grading from the four factors (风险等级评定, Art. 14, 30).
         */
        GradingIn: {
            /** @description The four factors, each 1..5 (see /grading/rule). */
            factors: components["schemas"]["GradingFactors"];
            /**
             * Reason
             * @description Why this grade (评定理由).
             */
            reason: string;
            /**
             * Responsible Leader Id
             * @description The leadership-team member responsible for this risk (管理领导责任, Art. 14).
             */
            responsible_leader_id: string;
        };
        /** GroupOut */
        GroupOut: {
            /**
             * Members
             * @description Its members now, by appointment.
             */
            members: components["schemas"]["MemberOut"][];
            /**
             * Signoffs Needed
             * @description Sign-offs a judgement of this group needs now (the configured rule).
             */
            signoffs_needed: number;
            /**
             * Unit Code
             * @description The unit whose 研判小组 this is.
             */
            unit_code: string;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /** HeatCellOut */
        HeatCellOut: {
            category: components["schemas"]["RiskCategory"];
            /**
             * Counts
             * @description Risk points by grade: high, medium, low, ungraded.
             */
            counts: {
                [key: string]: number;
            };
            /** Unit Code */
            unit_code: string;
        };
        /** ImportOut */
        ImportOut: {
            /**
             * Changed
             * @description Codes of the units changed.
             */
            changed: string[];
            /**
             * Registered
             * @description Codes of the units registered.
             */
            registered: string[];
            /**
             * Unchanged
             * @description Codes of the units already as given.
             */
            unchanged: string[];
        };
        /** InformationRowOut */
        InformationRowOut: {
            /** Channel */
            channel: string;
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
            /** @description awaiting_judgement 待研判 · judged 已研判. */
            status: components["schemas"]["InformationStatus"];
            /** Summary */
            summary: string;
            /** Unit Code */
            unit_code: string;
            verdict: components["schemas"]["Verdict"] | null;
            /**
             * Verifications
             * @description How many verifications are recorded (核实).
             */
            verifications: number;
        };
        /**
         * InformationStatus
         * @description Where reported information stands: 待研判 awaiting judgement, 已研判 judged (Art. 21, 25).
         * @enum {string}
         */
        InformationStatus: "awaiting_judgement" | "judged";
        /**
         * JudgementIn
         * @description The judgement group's verdict 研判结论 on one piece of information (Art. 23, 25, 28).
         */
        JudgementIn: {
            /** @description The four factors (Art. 14) to grade the risk point by; only and always for an incipient tendency. */
            factors?: components["schemas"]["GradingFactors"] | null;
            /** @description Or a risk point opened from the information. One of the two is required unless the verdict is unfounded. */
            new_risk_point?: components["schemas"]["NewRiskPointIn"] | null;
            /**
             * Reasoning
             * @description Reasoning and recommendations (研判意见).
             */
            reasoning: string;
            /** @description Warning level (预警等级), for an incipient tendency only. It follows the grade the factors give (低 yellow, 中 orange, 高 red, Art. 28): leave it out to have it derived; another level is refused (409). */
            recommended_level?: components["schemas"]["WarningLevel"] | null;
            /**
             * Report Finding
             * @description The report itself was untrue 不真实 (only with unfounded) or inaccurate in its core content 核心内容不准确: a reporting breach of the unit and person that made the report (Art. 23). Only an officer's report (officer_report) is a unit's report; on any other channel (a petition from the public, ...) it is refused with 409.
             */
            report_finding?: ("untrue" | "inaccurate") | null;
            /**
             * Responsible Leader Id
             * @description Responsible leader (责任领导) of the grading; default the current one.
             */
            responsible_leader_id?: string | null;
            /**
             * Risk Point Id
             * @description An existing risk point of the unit the information bears on.
             */
            risk_point_id?: string | null;
            /** @description unfounded 不属实 · incipient_tendency 苗头性、倾向性问题 · violation 已构成违纪违法 (transfer, Art. 28). */
            verdict: components["schemas"]["Verdict"];
        };
        /** JudgementOut */
        JudgementOut: {
            /** Factors */
            factors: {
                [key: string]: number;
            } | null;
            /**
             * Judged At
             * Format: date-time
             * @description When it was made: the last sign-off needed.
             */
            judged_at: string;
            /**
             * Judged By
             * @description Who proposed it (a member of the 研判小组).
             */
            judged_by: {
                [key: string]: string;
            };
            /**
             * Judgement Id
             * Format: uuid
             */
            judgement_id: string;
            /** Reasoning */
            reasoning: string;
            recommended_level: components["schemas"]["WarningLevel"] | null;
            /** @description Art. 23 finding, if any. */
            reporting_breach: components["schemas"]["ReportingBreachOut"] | null;
            /** Risk Point Id */
            risk_point_id: string | null;
            /**
             * Risk Point Opened
             * @description True if the risk point was opened by it.
             */
            risk_point_opened: boolean;
            /**
             * Signed By
             * @description The members who signed it (Art. 25); empty for judgements made before.
             */
            signed_by: components["schemas"]["SignOffOut"][];
            verdict: components["schemas"]["Verdict"];
        };
        /**
         * JudgementProgressOut
         * @description A proposed judgement and its sign-offs by the 研判小组 (Art. 25).
         */
        JudgementProgressOut: {
            /**
             * Group Unit
             * @description The unit whose 研判小组 judges (Art. 25).
             */
            group_unit: string;
            /**
             * Judgement Id
             * Format: uuid
             * @description Id of the judgement; JudgementMade carries it.
             */
            judgement_id: string;
            /**
             * Made
             * @description True once enough signed: the judgement is the group's verdict.
             */
            made: boolean;
            /**
             * Needed
             * @description Members' sign-offs the judgement needs (the proposer's counts).
             */
            needed: number;
            /**
             * Signed By
             * @description Who signed, and when, the proposer first.
             */
            signed_by: components["schemas"]["SignOffOut"][];
        };
        /** MeasureDeadlineOut */
        MeasureDeadlineOut: {
            /**
             * Due Date
             * Format: date
             * @description Due date (完成时限), Beijing calendar.
             */
            due_date: string;
            /**
             * Measure Code
             * @description Code of the catalogued measure (Art. 16–20).
             */
            measure_code: string;
            /**
             * Overdue Since
             * @description When it was found outstanding after its due date (逾期未落实).
             */
            overdue_since: string | null;
            /**
             * Owner Id
             * @description Who carries it out (责任人).
             */
            owner_id: string;
            /**
             * Reminded At
             * @description When the owner was reminded (临期提醒).
             */
            reminded_at: string | null;
            /**
             * Risk Point Id
             * Format: uuid
             */
            risk_point_id: string;
            /**
             * Status
             * @description planned · in_progress · done · verified · withdrawn.
             */
            status: string;
            /**
             * Unit Code
             * @description The point's unit (单位).
             */
            unit_code: string;
        };
        /**
         * MeasureIn
         * @description A catalogued prevention measure chosen for the point (防控措施, Art. 15–20).
         */
        MeasureIn: {
            /**
             * Detail
             * @description What exactly will be done (具体措施).
             * @default
             */
            detail: string;
            /**
             * Due Date
             * Format: date
             * @description When it is due (完成时限).
             */
            due_date: string;
            /**
             * Measure Code
             * @description Code from /measures, e.g. business_process.1.
             */
            measure_code: string;
            /**
             * Owner Id
             * @description Who carries it out (责任人).
             */
            owner_id: string;
        };
        /**
         * MeasureUpdateIn
         * @description How a chosen measure stands (落实情况, Art. 15).
         */
        MeasureUpdateIn: {
            /**
             * Note
             * @description Progress note (进展说明).
             * @default
             */
            note: string;
            /**
             * Status
             * @description planned 计划 · in_progress 落实中 · done 已报落实 (then verified by someone other than the owner) · withdrawn 已撤销.
             */
            status: string;
        };
        /** MemberOut */
        MemberOut: {
            /**
             * Appointed At
             * Format: date-time
             */
            appointed_at: string;
            /** Appointed By */
            appointed_by: {
                [key: string]: string;
            };
            /**
             * Authority
             * @description The appointing document (任命文件).
             */
            authority: string;
            /** Name */
            name: string;
            /** User Id */
            user_id: string;
        };
        /**
         * NewRiskPointIn
         * @description A risk point opened from the information 新发现的风险点 (Art. 10, 13, 25).
         */
        NewRiskPointIn: {
            /** @description Risk category (风险类别, Art. 13). */
            category: components["schemas"]["RiskCategory"];
            /**
             * Description
             * @description The risk (风险描述).
             */
            description: string;
            /**
             * Manifestations
             * @description How it shows (风险表现形式); default the summary.
             */
            manifestations?: string[];
            /**
             * Post
             * @description The post (岗位); default the post the information names.
             */
            post?: string | null;
        };
        /** NumberOut */
        NumberOut: {
            /**
             * Number
             * @description Number of the verification for this information.
             */
            number: number;
        };
        /**
         * ObjectionIn
         * @description An objection raised during publication (公示异议, Art. 10).
         */
        ObjectionIn: {
            /**
             * Raised By
             * @description Who objected (异议人).
             */
            raised_by: string;
            /**
             * Text
             * @description The objection (异议内容).
             */
            text: string;
        };
        /** ObjectionOut */
        ObjectionOut: {
            /**
             * Number
             * @description Number of the objection within this publication.
             */
            number: number;
        };
        /**
         * PowerIn
         * @description A statutory power 职权 of a unit (Art. 11).
         */
        PowerIn: {
            /**
             * Kind
             * @description Kind of power (职权类别): licensing 行政许可 · penalty 行政处罚 · coercion 行政强制 · levy 行政征收 · benefit 行政给付 · inspection 行政检查 · confirmation 行政确认 · reward 行政奖励 · adjudication 行政裁决 · other 其他职权.
             */
            kind: string;
            /**
             * Legal Basis
             * @description Legal basis (法定依据): law, article.
             */
            legal_basis: string;
            /**
             * Name
             * @description Name of the power (职权名称).
             */
            name: string;
            /**
             * Posts
             * @description Posts that exercise the power (行使职权的岗位).
             */
            posts: string[];
            /**
             * Unit Code
             * @description The unit that holds the power (单位代码).
             */
            unit_code: string;
        };
        /** PowerOut */
        PowerOut: {
            /**
             * Flowcharts
             * @description Every version, oldest first.
             */
            flowcharts: components["schemas"]["FlowchartOut"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @description Kind of power (职权类别).
             */
            kind: string;
            /** Kind Zh */
            kind_zh: string;
            /** Legal Basis */
            legal_basis: string;
            /** Name */
            name: string;
            /** Posts */
            posts: string[];
            /** Unit Code */
            unit_code: string;
        };
        /** PowerRowOut */
        PowerRowOut: {
            /**
             * Flowchart Version
             * @description Current flowchart version, if any.
             */
            flowchart_version: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Unit Code */
            unit_code: string;
        };
        /**
         * PublicationIn
         * @description Publication of an approved risk point (公示, Art. 10).
         */
        PublicationIn: {
            /**
             * Days
             * @description Length of the period in calendar days (公示期); default 5.
             */
            days?: number | null;
        };
        /** PublishedOut */
        PublishedOut: {
            /**
             * Ends At
             * Format: date-time
             * @description When the publication period ends (公示截止).
             */
            ends_at: string;
        };
        /** RegisterSummaryOut */
        RegisterSummaryOut: {
            /**
             * Open Information
             * @description Reported information awaiting judgement 待研判 (Art. 21, 25).
             */
            open_information: number;
            /**
             * Reported By Month
             * @description Information reported per Beijing month (when it was learned), the last twelve (Art. 21).
             */
            reported_by_month: {
                [key: string]: number;
            };
            /** Within */
            within: string;
        };
        /**
         * RemovalIn
         * @description A member removed from the unit's 研判小组, with the reason and authority (Art. 25).
         */
        RemovalIn: {
            /**
             * Authority
             * @description The document (免职文件).
             */
            authority: string;
            /**
             * Reason
             * @description Why (免职原因).
             */
            reason: string;
        };
        /** ReportedInformationOut */
        ReportedInformationOut: {
            /** Channel */
            channel: string;
            /**
             * Information Id
             * Format: uuid
             */
            information_id: string;
            judgement: components["schemas"]["JudgementOut"] | null;
            /**
             * Learned At
             * Format: date-time
             */
            learned_at: string;
            /** @description The judgement as proposed and signed so far (Art. 25), if proposed. */
            proposal: components["schemas"]["JudgementProgressOut"] | null;
            /**
             * Reported At
             * Format: date-time
             */
            reported_at: string;
            /**
             * Reported By
             * @description Who filed it (信息员, Art. 23).
             */
            reported_by: {
                [key: string]: string;
            };
            /** @description awaiting_judgement 待研判 · judged 已研判. */
            status: components["schemas"]["InformationStatus"];
            /** Subject Post */
            subject_post: string | null;
            /** Summary */
            summary: string;
            /** Unit Code */
            unit_code: string;
            /** Verifications */
            verifications: components["schemas"]["services__register__judgement__api__VerificationOut"][];
            /**
             * Withdrawn Proposals
             * @description Proposals withdrawn by their proposers before they were made, oldest first.
             */
            withdrawn_proposals: components["schemas"]["WithdrawnProposalOut"][];
        };
        /** ReportingBreachOut */
        ReportingBreachOut: {
            /**
             * Breach Id
             * Format: uuid
             */
            breach_id: string;
            /**
             * Kind
             * @description 不真实 · 核心内容不准确 (Art. 23).
             * @enum {string}
             */
            kind: "untrue" | "inaccurate";
            /**
             * Reported At
             * Format: date-time
             */
            reported_at: string;
            /** Reported Event Id */
            reported_event_id: string;
            /**
             * Reporting Unit
             * @description The unit that made it (报送单位, Art. 23).
             */
            reporting_unit: string | null;
            /**
             * Responsible Person Id
             * @description Who made the report (报送人, Art. 23).
             */
            responsible_person_id: string;
        };
        /**
         * ResubmissionIn
         * @description A revised point whose grade stands, sent to the team again (重新审定, Art. 14, 30).
         */
        ResubmissionIn: {
            /**
             * Reason
             * @description What was revised (修正说明).
             */
            reason: string;
        };
        /**
         * RiskCategory
         * @description The five integrity-risk categories, 廉政风险五大类 (Art. 13). Values: post_duty = 岗位职责风险; system_mechanism = 制度机制风险; business_process = 业务流程风险; external_environment = 外部环境风险; ideology_morality = 思想道德风险.
         * @enum {string}
         */
        RiskCategory: "post_duty" | "system_mechanism" | "business_process" | "external_environment" | "ideology_morality";
        /**
         * RiskPointIn
         * @description A risk point as found when sorting out posts and powers (Art. 10, 12, 13).
         */
        RiskPointIn: {
            /** @description Risk category (风险类别, Art. 13). */
            category: components["schemas"]["RiskCategory"];
            /**
             * Description
             * @description The risk (风险描述).
             */
            description: string;
            /** @description Focus flags (排查重点, Art. 12). */
            focus?: components["schemas"]["FocusIn"];
            /**
             * Manifestations
             * @description How the risk shows (风险表现形式, Art. 10).
             */
            manifestations: string[];
            /**
             * Post
             * @description The post at risk (岗位).
             */
            post: string;
            /**
             * Power Id
             * @description The power in the catalogue (职权), if any.
             */
            power_id?: string | null;
            /**
             * Step Key
             * @description The step of the power's current flowchart (流程环节), if any.
             */
            step_key?: string | null;
            /**
             * Unit Code
             * @description The unit (单位代码).
             */
            unit_code: string;
        };
        /** RiskPointOut */
        RiskPointOut: {
            /**
             * Approval Round
             * @description Approval round; a changed grade opens a new one.
             */
            approval_round: number;
            category: components["schemas"]["RiskCategory"];
            /** Description */
            description: string;
            /**
             * Earlier Content
             * @description What the point said before each content revision, oldest first (Art. 30).
             */
            earlier_content: {
                [key: string]: unknown;
            }[];
            /** Flowchart Version */
            flowchart_version: number | null;
            /**
             * Focus
             * @description Focus flags (排查重点, Art. 12).
             */
            focus: {
                [key: string]: boolean;
            };
            /**
             * Focus Flags
             * @description Why it deserves focus 排查重点 (Art. 12): the flags set. key_post_or_link = 权力运行的重要岗位和关键环节; past_violation = 曾经出现过违纪违法问题; many_complaints = 群众反映问题较多.
             */
            focus_flags?: ("key_post_or_link" | "past_violation" | "many_complaints")[];
            /** @description Grade on record (风险等级); null before grading. */
            grade: components["schemas"]["Grade"] | null;
            /**
             * Gradings
             * @description Every grading, oldest first (Art. 14).
             */
            gradings: {
                [key: string]: unknown;
            }[];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** In Force Since */
            in_force_since: string | null;
            /**
             * Manifestations
             * @description How the risk shows (风险表现形式).
             */
            manifestations: string[];
            /**
             * Measures
             * @description Chosen measures (防控措施, Art. 15).
             */
            measures: {
                [key: string]: unknown;
            }[];
            /**
             * Measures Needed
             * @description Categories its measures must cover before force, for its grade (Art. 14).
             */
            measures_needed: number | null;
            /**
             * Post
             * @description The post (岗位).
             */
            post: string;
            /** Power Id */
            power_id: string | null;
            /**
             * Publication
             * @description Publication and objections (公示).
             */
            publication: {
                [key: string]: unknown;
            } | null;
            /**
             * Responsible Leader Id
             * @description Responsible leader (责任领导).
             */
            responsible_leader_id: string | null;
            /**
             * Revisions
             * @description Every revision asked for 动态修正, open or closed, oldest first (Art. 30).
             */
            revisions: {
                [key: string]: unknown;
            }[];
            /** @description draft 待评定 · graded 待审定 · approved 审定通过 · published 公示中 · in_force 生效. */
            status: components["schemas"]["RiskStatus"];
            /** Step Key */
            step_key: string | null;
            /**
             * Under Revision
             * @description Reopened for revision 动态修正 and not yet approved again (Art. 30).
             * @default false
             */
            under_revision: boolean;
            /**
             * Unit Code
             * @description The unit (单位).
             */
            unit_code: string;
            /**
             * Votes
             * @description Votes of the current round (集体审定).
             */
            votes: {
                [key: string]: unknown;
            }[];
        };
        /**
         * RiskPointPageOut
         * @description One page of the register, and how many rows the filters match in all (Art. 10).
         */
        RiskPointPageOut: {
            /** Items */
            items: components["schemas"]["RiskPointRowOut"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /**
             * Total
             * @description Rows matching the filters, over every page.
             */
            total: number;
        };
        /** RiskPointRowOut */
        RiskPointRowOut: {
            category: components["schemas"]["RiskCategory"];
            /** Description */
            description: string;
            /**
             * Focus Flags
             * @description Why it deserves focus 排查重点 (Art. 12): the flags set. key_post_or_link = 权力运行的重要岗位和关键环节; past_violation = 曾经出现过违纪违法问题; many_complaints = 群众反映问题较多.
             */
            focus_flags?: ("key_post_or_link" | "past_violation" | "many_complaints")[];
            /** @description Grade on record (风险等级); null before grading. */
            grade: components["schemas"]["Grade"] | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Post
             * @description The post (岗位).
             */
            post: string;
            /** Power Id */
            power_id: string | null;
            /**
             * Responsible Leader Id
             * @description Responsible leader (责任领导).
             */
            responsible_leader_id: string | null;
            /** @description draft 待评定 · graded 待审定 · approved 审定通过 · published 公示中 · in_force 生效. */
            status: components["schemas"]["RiskStatus"];
            /**
             * Under Revision
             * @description Reopened for revision 动态修正 and not yet approved again (Art. 30).
             * @default false
             */
            under_revision: boolean;
            /**
             * Unit Code
             * @description The unit (单位).
             */
            unit_code: string;
        };
        /**
         * RiskStatus
         * @description Where a risk point is on its way to force (Art. 10, 14).
         *
         *     draft 待评定 → graded 待审定 (awaiting the leadership team) → approved 审定通过
         *     → published 公示中 → in force 生效. A grade that changes after approval sends it back to graded.
         * @enum {string}
         */
        RiskStatus: "draft" | "graded" | "approved" | "published" | "in_force";
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
        /** SignOffOut */
        SignOffOut: {
            /** Role */
            role: string;
            /**
             * Signed At
             * Format: date-time
             * @description When (签署时间).
             */
            signed_at: string;
            /** Unit Code */
            unit_code: string;
            /**
             * User Id
             * @description The member who signed (签署人).
             */
            user_id: string;
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
         * UnitChangeIn
         * @description A unit as it should stand: name, kind, place in the tree, node, leaders (Art. 5–7, 14).
         */
        UnitChangeIn: {
            /**
             * Business Department
             * @description Superior business department (上级业务主管部门, 条块结合, Art. 27).
             */
            business_department?: string | null;
            /** @description Kind of unit (单位类别): district · district_department · stationed_unit · town · town_unit · soe · institution · peoples_organisation · village_committee. */
            kind: components["schemas"]["UnitKind"];
            /**
             * Leadership Team
             * @description Staff ids of the leadership team (领导班子, Art. 14).
             */
            leadership_team?: string[];
            /**
             * Name
             * @description Chinese name (单位名称).
             */
            name: string;
            /**
             * Node
             * @description The node that manages it by cadre-management authority (干部管理权限): 'district' or a town node such as 'town-taihe' (Art. 7).
             */
            node: string;
            /**
             * Parent
             * @description Code of the parent unit (上级单位).
             */
            parent: string;
            /**
             * Principal Leader
             * @description Staff id of the principal leader (主要领导), on the team (Art. 23).
             */
            principal_leader?: string | null;
        };
        /**
         * UnitIn
         * @description A new unit of the tree (Art. 5).
         */
        UnitIn: {
            /**
             * Business Department
             * @description Superior business department (上级业务主管部门, 条块结合, Art. 27).
             */
            business_department?: string | null;
            /**
             * Code
             * @description Unit code (单位代码), e.g. QX-TH-CZS.
             */
            code: string;
            /** @description Kind of unit (单位类别): district · district_department · stationed_unit · town · town_unit · soe · institution · peoples_organisation · village_committee. */
            kind: components["schemas"]["UnitKind"];
            /**
             * Leadership Team
             * @description Staff ids of the leadership team (领导班子, Art. 14).
             */
            leadership_team?: string[];
            /**
             * Name
             * @description Chinese name (单位名称).
             */
            name: string;
            /**
             * Node
             * @description The node that manages it by cadre-management authority (干部管理权限): 'district' or a town node such as 'town-taihe' (Art. 7).
             */
            node: string;
            /**
             * Parent
             * @description Code of the parent unit (上级单位).
             */
            parent: string;
            /**
             * Principal Leader
             * @description Staff id of the principal leader (主要领导), on the team (Art. 23).
             */
            principal_leader?: string | null;
        };
        /**
         * UnitKind
         * @description Kind of organisational unit within the scope of the measures, 实施范围 (Art. 3, 5). Values: district = 区; district_department = 区直机关; stationed_unit = 省、市驻清新单位; town = 镇(街); town_unit = 镇(街)二级机关; soe = 国有企业; institution = 事业单位; peoples_organisation = 人民团体; village_committee = 村(居)民委员会.
         * @enum {string}
         */
        UnitKind: "district" | "district_department" | "stationed_unit" | "town" | "town_unit" | "soe" | "institution" | "peoples_organisation" | "village_committee";
        /** UnitOut */
        UnitOut: {
            /** Business Department */
            business_department: string | null;
            /** Code */
            code: string;
            /** Kind */
            kind: string;
            /** Leadership Team */
            leadership_team: string[];
            /** Name */
            name: string;
            /** Node */
            node: string;
            /** Parent */
            parent: string | null;
            /** Principal Leader */
            principal_leader: string | null;
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
         * Verdict
         * @description Outcome of the judgement group's assessment, 研判结论 (Art. 25, 28). Values: unfounded = 不属实; incipient_tendency = 苗头性、倾向性问题; violation = 已构成违纪违法.
         * @enum {string}
         */
        Verdict: "unfounded" | "incipient_tendency" | "violation";
        /**
         * VoteIn
         * @description A leadership-team member's vote on the grading (集体审定, Art. 14).
         */
        VoteIn: {
            /**
             * Comment
             * @description Remarks (意见).
             * @default
             */
            comment: string;
            /**
             * In Favour
             * @description True to approve (同意), false to reject (不同意).
             */
            in_favour: boolean;
        };
        /** VoteOut */
        VoteOut: {
            /**
             * Recorded
             * @description False when the same vote was already cast (idempotent).
             */
            recorded: boolean;
            /**
             * Status
             * @description Where the point now is.
             */
            status: string;
        };
        /**
         * WarningLevel
         * @description Early-warning level, 预警等级 黄/橙/红, from low to high risk (Art. 28). Values: yellow = 黄色预警; orange = 橙色预警; red = 红色预警.
         * @enum {string}
         */
        WarningLevel: "yellow" | "orange" | "red";
        /**
         * WithdrawalIn
         * @description Why the proposer withdraws the proposed judgement 撤回研判意见 (Art. 25).
         */
        WithdrawalIn: {
            /**
             * Reason
             * @description Why it is withdrawn (撤回理由).
             */
            reason: string;
        };
        /**
         * WithdrawnProposalOut
         * @description A proposed judgement withdrawn by its proposer before it was made (Art. 25).
         */
        WithdrawnProposalOut: {
            /**
             * Draft
             * @description The judgement as it was proposed.
             */
            draft: {
                [key: string]: unknown;
            };
            /**
             * Proposed At
             * Format: date-time
             */
            proposed_at: string;
            /**
             * Proposed By
             * @description Who proposed it (and withdrew it).
             */
            proposed_by: {
                [key: string]: string;
            };
            /**
             * Reason
             * @description Why it was withdrawn (撤回理由).
             */
            reason: string;
            /**
             * Signed By
             * @description The sign-offs it had; they lapsed with it.
             */
            signed_by: components["schemas"]["SignOffOut"][];
            /**
             * Withdrawn At
             * Format: date-time
             * @description When (撤回时间).
             */
            withdrawn_at: string;
            /**
             * Withdrawn By
             * @description Who withdrew it (its proposer).
             */
            withdrawn_by: {
                [key: string]: string;
            };
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
        /** CreatedOut */
        services__register__catalogue__api__CreatedOut: {
            /**
             * Id
             * Format: uuid
             * @description Id of what was created.
             */
            id: string;
        };
        /**
         * VerificationIn
         * @description A verification 核实 by the judgement group: who, when, what was checked (Art. 21, 25).
         */
        services__register__judgement__api__VerificationIn: {
            /**
             * Checked
             * @description What was checked (核实内容), e.g. 调取报销凭证, 询问当事人.
             */
            checked: string[];
            /**
             * Findings
             * @description What was found (核实情况).
             */
            findings: string;
            /**
             * Verified At
             * @description When it was verified (核实时间); default now, never in the future.
             */
            verified_at?: string | null;
            /**
             * Verifiers
             * @description Staff ids of who verified (核实人); default the caller.
             */
            verifiers?: string[] | null;
        };
        /** VerificationOut */
        services__register__judgement__api__VerificationOut: {
            /**
             * Checked
             * @description What was checked (核实内容).
             */
            checked: string[];
            /**
             * Findings
             * @description What was found (核实情况).
             */
            findings: string;
            /** Number */
            number: number;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
            /** Recorded By */
            recorded_by: {
                [key: string]: string;
            };
            /**
             * Verified At
             * Format: date-time
             * @description When (核实时间).
             */
            verified_at: string;
            /**
             * Verifiers
             * @description Who verified (核实人).
             */
            verifiers: string[];
        };
        /** CreatedOut */
        services__register__risk_points__api__CreatedOut: {
            /**
             * Id
             * Format: uuid
             * @description Id of the risk point.
             */
            id: string;
        };
        /**
         * VerificationIn
         * @description The verification of a measure reported done (核验落实, Art. 15).
         */
        services__register__risk_points__api__VerificationIn: {
            /**
             * Accepted
             * @description True: verified done (核验落实); false: not done, returned.
             */
            accepted: boolean;
            /**
             * Note
             * @description Findings (核验意见); required when not accepted.
             * @default
             */
            note: string;
        };
        /** VerificationOut */
        services__register__risk_points__api__VerificationOut: {
            /**
             * Accepted
             * @description Whether the measure now stands verified.
             */
            accepted: boolean;
            /**
             * Status
             * @description The measure's status after the verification.
             */
            status: string;
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
                    "application/json": components["schemas"]["RegisterSummaryOut"];
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
    grading_rule_grading_rule_get: {
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
    list_information_information_get: {
        parameters: {
            query?: {
                /** @description awaiting_judgement 待研判 · judged 已研判; default both. */
                status?: components["schemas"]["InformationStatus"] | null;
                /** @description Root unit of the subtree; default your own. */
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
                    "application/json": components["schemas"]["InformationRowOut"][];
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
                    "application/json": components["schemas"]["ReportedInformationOut"];
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
    judge_information__information_id__judgement_post: {
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
                "application/json": components["schemas"]["JudgementIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JudgementProgressOut"];
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
    sign_off_information__information_id__judgement_sign_off_post: {
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
                    "application/json": components["schemas"]["JudgementProgressOut"];
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
    withdraw_information__information_id__judgement_withdrawal_post: {
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
                "application/json": components["schemas"]["WithdrawalIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportedInformationOut"];
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
    verify_information__information_id__verification_post: {
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
                "application/json": components["schemas"]["services__register__judgement__api__VerificationIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NumberOut"];
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
    measure_deadlines_measure_deadlines_get: {
        parameters: {
            query?: {
                /** @description Root unit of the subtree; default your own. */
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
                    "application/json": components["schemas"]["MeasureDeadlineOut"][];
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
    measure_catalogue_measures_get: {
        parameters: {
            query?: {
                /** @description 风险类别 */
                category?: components["schemas"]["RiskCategory"] | null;
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
                    "application/json": {
                        [key: string]: unknown;
                    }[];
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
    list_powers_powers_get: {
        parameters: {
            query?: {
                /** @description Root unit; default your own. */
                within?: string | null;
                /** @description The catalogue as it stood at this moment (历史状态, RFC 3339 with zone), each power with its flowchart version then; empty before the first (Art. 11, 30). */
                as_of?: string | null;
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
                    "application/json": components["schemas"]["PowerRowOut"][];
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
    catalogue_power_powers_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PowerIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["services__register__catalogue__api__CreatedOut"];
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
    get_power_powers__power_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                power_id: string;
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
                    "application/json": components["schemas"]["PowerOut"];
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
    flowchart_mermaid_powers__power_id__flowchart_mmd_get: {
        parameters: {
            query?: {
                /** @description Version; default current. */
                version?: number | null;
            };
            header?: never;
            path: {
                power_id: string;
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
                    "text/plain": string;
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
    flowchart_svg_powers__power_id__flowchart_svg_get: {
        parameters: {
            query?: {
                /** @description Version; default current. */
                version?: number | null;
            };
            header?: never;
            path: {
                power_id: string;
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
                    "image/svg+xml": unknown;
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
    draw_flowchart_powers__power_id__flowcharts_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                power_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowchartIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowchartOut"];
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
    heat_map_register_heat_map_get: {
        parameters: {
            query?: {
                /** @description Root unit of the subtree; default your own. */
                within?: string | null;
                /** @description Count only this status. */
                status?: components["schemas"]["RiskStatus"] | null;
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
                    "application/json": components["schemas"]["HeatCellOut"][];
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
    list_risk_points_risk_points_get: {
        parameters: {
            query?: {
                /** @description Root unit of the subtree; default your own. */
                within?: string | null;
                /** @description 风险类别 */
                category?: components["schemas"]["RiskCategory"] | null;
                /** @description 风险等级 */
                grade?: components["schemas"]["Grade"] | null;
                /** @description 状态 */
                status?: components["schemas"]["RiskStatus"] | null;
                /** @description The register as it stood at this moment (历史状态, RFC 3339 with zone); before the first entry the list is empty (Art. 10, 30). */
                as_of?: string | null;
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
                    "application/json": components["schemas"]["RiskPointRowOut"][];
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
    identify_risk_points_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RiskPointIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["services__register__risk_points__api__CreatedOut"];
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
    page_of_risk_points_risk_points_page_get: {
        parameters: {
            query?: {
                /** @description Root unit of the subtree; default your own. */
                within?: string | null;
                /** @description Only this unit (单位), in `within`. */
                unit_code?: string | null;
                /** @description 风险类别 */
                category?: components["schemas"]["RiskCategory"] | null;
                /** @description 风险等级 */
                grade?: components["schemas"]["Grade"] | null;
                /** @description 状态 */
                status?: components["schemas"]["RiskStatus"] | null;
                /** @description 排查重点: only points with every flag given (Art. 12). */
                focus?: ("key_post_or_link" | "past_violation" | "many_complaints")[] | null;
                /** @description Rows per page. */
                limit?: number;
                /** @description Rows to skip. */
                offset?: number;
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
                    "application/json": components["schemas"]["RiskPointPageOut"];
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
    get_risk_point_risk_points__risk_point_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
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
                    "application/json": components["schemas"]["RiskPointOut"];
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
    revise_content_risk_points__risk_point_id__content_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContentIn"];
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
    grade_risk_points__risk_point_id__grading_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GradingIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GradedOut"];
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
    bring_into_force_risk_points__risk_point_id__in_force_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
            };
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
    choose_measure_risk_points__risk_point_id__measures_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeasureIn"];
            };
        };
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
    update_measure_risk_points__risk_point_id__measures__measure_code__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
                measure_code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeasureUpdateIn"];
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
    verify_measure_risk_points__risk_point_id__measures__measure_code__verification_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
                measure_code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["services__register__risk_points__api__VerificationIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["services__register__risk_points__api__VerificationOut"];
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
    object_to_risk_points__risk_point_id__objections_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionOut"];
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
    answer_risk_points__risk_point_id__objections__number__answer_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerIn"];
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
    publish_risk_points__risk_point_id__publication_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicationIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedOut"];
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
    resubmit_risk_points__risk_point_id__resubmission_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResubmissionIn"];
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
    vote_risk_points__risk_point_id__votes_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                risk_point_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoteIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoteOut"];
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
    list_units_units_get: {
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
                    "application/json": components["schemas"]["UnitOut"][];
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
    register_unit_units_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitOut"];
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
    import_units_units_import_post: {
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
    change_unit_units__code__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitChangeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangedOut"];
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
    get_group_units__code__judgement_group_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
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
                    "application/json": components["schemas"]["GroupOut"];
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
    appoint_units__code__judgement_group_members_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointmentIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupOut"];
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
    remove_units__code__judgement_group_members__user_id__removal_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemovalIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupOut"];
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
