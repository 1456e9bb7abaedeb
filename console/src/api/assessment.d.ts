// Generated from console/openapi/assessment.json by `npm run gen:api`: do not edit.
export interface paths {
    "/assessment-schemes/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scoring scheme of a year 计分办法 (Art. 31) */
        get: operations["get_scheme_assessment_schemes__year__get"];
        /** Set the year's scoring scheme; weights must sum to 100 (Art. 31) */
        put: operations["set_scheme_assessment_schemes__year__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessments/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's scored units in your subtree, highest total first 考核排名 (Art. 31) */
        get: operations["ranking_assessments_ranking_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessments/{unit_code}/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's assessment (Art. 31) */
        get: operations["get_assessment_assessments__unit_code___year__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessments/{unit_code}/{year}/explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every point of the recorded score, traced to the events behind it (Art. 31) */
        get: operations["explanation_assessments__unit_code___year__explanation_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessments/{unit_code}/{year}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The score as it stands now, not recorded (Art. 31) */
        get: operations["preview_assessments__unit_code___year__preview_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessments/{unit_code}/{year}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the result 公布考核结果; AssessmentPublished goes out (Art. 31) */
        post: operations["publish_assessments__unit_code___year__publish_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessments/{unit_code}/{year}/report.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's assessment report, printable 考核报告 (Art. 31) */
        get: operations["report_assessments__unit_code___year__report_html_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessments/{unit_code}/{year}/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score a unit's year as the level above it (分级考核, Art. 31) */
        post: operations["score_assessments__unit_code___year__score_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/cases/{information_id}/events/{event_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One event of a case's timeline as it was published: its CloudEvent, the evidence behind the entry (Art. 23, 29)
         * @description Read from the case's shelves of the index, as the timeline is (no topic is read per
         *     request, review H3; no petitioner's identity is ever on a topic). A case outside the
         *     caller's jurisdiction, or an event that is not part of the case, is 404 in the same words
         *     as an id nobody used.
         */
        get: operations["get_case_event_audit_cases__information_id__events__event_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/cases/{information_id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's whole history across services and nodes, with evidence, a page at a time (Art. 23–29) */
        get: operations["get_timeline_audit_cases__information_id__timeline_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/cases/{information_id}/timeline.md": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same timeline as a document to read and print (Markdown, Beijing time) */
        get: operations["get_timeline_document_audit_cases__information_id__timeline_md_get"];
        put?: never;
        post?: never;
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
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This year's annual scores of a subtree for the district dashboard */
        get: operations["summary_dashboard_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live figures of every unit in a subtree with facts this year (Art. 31) */
        get: operations["list_figures_figures_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/figures/{unit_code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's live figures for a year 实时指标 (Art. 31) */
        get: operations["get_figures_figures__unit_code__get"];
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
    "/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's inspections of a year (Art. 30) */
        get: operations["list_inspections_inspections_get"];
        put?: never;
        /** Open an inspection (Art. 30) */
        post: operations["open_inspection_inspections_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/annual-self-inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Task the annual self-inspection 年度自查 of every unit below one (Art. 30) */
        post: operations["task_annual_inspections_annual_self_inspections_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/subtree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's inspections of every unit in your subtree 检查台账 (Art. 30) */
        get: operations["list_subtree_inspections_inspections_subtree_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{inspection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One inspection with its findings (Art. 30) */
        get: operations["get_inspection_inspections__inspection_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{inspection_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete the inspection 检查完成 (Art. 30) */
        post: operations["complete_inspections__inspection_id__complete_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{inspection_id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a finding 检查发现; wrong content/grade/measures asks for revision (Art. 30) */
        post: operations["record_finding_inspections__inspection_id__findings_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{inspection_id}/findings/{finding_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a finding as rectified 整改到位 (Art. 30) */
        post: operations["close_finding_inspections__inspection_id__findings__finding_id__close_post"];
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
    "/public/surveys/{round_id}/questionnaire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The questionnaire behind a one-time code not used yet (Art. 30(5)) */
        post: operations["public_questionnaire_public_surveys__round_id__questionnaire_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/surveys/{round_id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the questionnaire with a one-time code, used exactly once (Art. 30(5)) */
        post: operations["public_respond_public_surveys__round_id__responses_post"];
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
    "/recognitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's commendations and accountability of a year (Art. 8) */
        get: operations["list_recognitions_recognitions_get"];
        put?: never;
        /** Record a commendation or accountability (Art. 8) */
        post: operations["recognise_recognitions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recognitions/subtree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's commendations and accountability in your subtree (Art. 8) */
        get: operations["list_subtree_recognitions_recognitions_subtree_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorecards.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's scorecards in your subtree, CSV (Art. 31) */
        get: operations["scorecards_csv_scorecards_csv_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorecards.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's scorecards in your subtree, XLSX (Art. 31) */
        get: operations["scorecards_xlsx_scorecards_xlsx_get"];
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
    "/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a survey round (Art. 30(5)) */
        post: operations["open_survey_surveys_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/surveys/subtree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's survey rounds about units in your subtree (Art. 30(5)) */
        get: operations["list_subtree_surveys_surveys_subtree_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/surveys/{round_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A survey round and its result (Art. 30(5)) */
        get: operations["get_survey_surveys__round_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/surveys/{round_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a survey round 评议结束 (Art. 30(5)) */
        post: operations["close_survey_surveys__round_id__close_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/surveys/{round_id}/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue one-time codes 评议码 for the public questionnaire (Art. 30(5)) */
        post: operations["issue_codes_surveys__round_id__codes_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/surveys/{round_id}/questionnaire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The questions, to print or show respondents */
        get: operations["questionnaire_surveys__round_id__questionnaire_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/surveys/{round_id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enter one anonymous response 评议表 (one per respondent token, Art. 30(5))
         * @description Entered by the office running the round, from a paper questionnaire or forwarded by a public portal with the office's token. The respondent is anonymous: only a keyed hash of their token is stored, to refuse a second response with it (409); a closed round takes no more responses (409).
         */
        post: operations["respond_surveys__round_id__responses_post"];
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
         * AnnualTaskIn
         * @description Task every unit below a unit with its annual self-inspection 年度自查 (Art. 30).
         */
        AnnualTaskIn: {
            /**
             * Due On
             * @description When the self-inspections are due.
             */
            due_on?: string | null;
            /**
             * Within
             * @description The unit whose subtree is tasked (itself not).
             */
            within: string;
            /**
             * Year
             * @description The assessment year.
             */
            year: number;
        };
        /** AssessmentOut */
        AssessmentOut: {
            /** Assessor Unit */
            assessor_unit: string;
            card: components["schemas"]["CardOut"];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Published At */
            published_at: string | null;
            /** Scored At */
            scored_at: string | null;
            /**
             * Status
             * @description draft (scored, not published) or published.
             */
            status: string;
            /** Unit Code */
            unit_code: string;
            /** Year */
            year: number;
        };
        /** AssessmentSummaryOut */
        AssessmentSummaryOut: {
            /**
             * Scores
             * @description The year's recorded scores, highest first.
             */
            scores: components["schemas"]["ScoreLine"][];
            /** Within */
            within: string;
            /** Year */
            year: number;
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
        /**
         * CardOut
         * @description A scorecard 考核评分表 (Art. 31).
         */
        CardOut: {
            /** Grade */
            grade: string;
            /** Grade Zh */
            grade_zh: string;
            /** Items */
            items: components["schemas"]["ItemOut"][];
            /** Scheme Digest */
            scheme_digest: string;
            /** Total */
            total: number;
            /** Unit Code */
            unit_code: string;
            /** Year */
            year: number;
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
        /** CloseIn */
        CloseIn: {
            /**
             * Rectification
             * @description What was rectified.
             */
            rectification: string;
        };
        /** CodeIn */
        CodeIn: {
            /**
             * Code
             * @description A one-time code 评议码 issued for the round (from its QR code or link).
             */
            code: string;
        };
        /** CodesIn */
        CodesIn: {
            /**
             * Count
             * @description How many one-time codes to issue (1..500).
             */
            count: number;
        };
        /** CodesOut */
        CodesOut: {
            /**
             * Codes
             * @description Shown once, to print as QR codes: the round keeps only their hashes.
             */
            codes: string[];
            /**
             * Round Id
             * Format: uuid
             */
            round_id: string;
        };
        /** CompleteIn */
        CompleteIn: {
            /**
             * Summary
             * @description Conclusion of the inspection.
             * @default
             */
            summary: string;
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
        /** EntryOut */
        EntryOut: {
            /**
             * Actor
             * @description Who acted (经办人), with role and unit.
             */
            actor: string;
            /**
             * Authority
             * @description On what authority (依据).
             */
            authority: string;
            /**
             * Due At
             * @description A deadline this step set or missed, if any.
             */
            due_at: string | null;
            /**
             * Event Id
             * @description ce_id of the event: the evidence (证据).
             */
            event_id: string;
            /** Event Type */
            event_type: string;
            /** Node Id */
            node_id: string;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /** Unit Code */
            unit_code: string;
            /**
             * Via
             * @description How it belongs to the case: case = by the case's own ids (information, judgement, warning, breach); risk_point = a step of the risk point the judgement names; unit_year = an annual result of a unit and year in which the case left a fact (results name no event ids, so they are linked by unit and year).
             * @enum {string}
             */
            via: "case" | "risk_point" | "power" | "evidence" | "unit_year";
            /**
             * What
             * @description What happened, in the office's words (Beijing time).
             */
            what: string;
        };
        /** EvidenceOut */
        EvidenceOut: {
            /**
             * Effect
             * @description Points this piece adds (+) or takes off (-).
             */
            effect: number;
            /**
             * Ref
             * @description ce_id of an upstream event, or id of this service's record.
             */
            ref: string;
            /** What */
            what: string;
        };
        /** FiguresOut */
        FiguresOut: {
            /**
             * Counts
             * @description Facts counted so far this year, by kind.
             */
            counts: {
                [key: string]: number;
            };
            /**
             * Live
             * @description risks_by_grade (current grade of each graded point), warnings_by_level, open_warnings_by_level, overdue_actions, on_time_reporting_rate ((reports - late) / (reports + missed), null before anything was due).
             */
            live: {
                [key: string]: unknown;
            };
            /** Unit Code */
            unit_code: string;
            /** Year */
            year: number;
        };
        /**
         * FindingIn
         * @description A finding; naming aspects of a risk point asks the register to revise it (Art. 30).
         */
        FindingIn: {
            /**
             * Aspects
             * @description What of the risk point is wrong: content 风险内容, grade 风险等级, measures 防控措施; each named aspect sends a RevisionRequested to the register.
             */
            aspects?: ("content" | "grade" | "measures")[];
            /**
             * Description
             * @description What was found.
             */
            description: string;
            /**
             * Rectify By
             * @description Rectification deadline (整改时限).
             */
            rectify_by?: string | null;
            /**
             * Revise By
             * @description When the register should revise by.
             */
            revise_by?: string | null;
            /**
             * Risk Point Id
             * @description The risk point concerned, if any.
             */
            risk_point_id?: string | null;
        };
        /** FindingOut */
        FindingOut: {
            /** Aspects */
            aspects: string[];
            /** Closed At */
            closed_at: string | null;
            /** Description */
            description: string;
            /**
             * Finding Id
             * Format: uuid
             */
            finding_id: string;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
            /** Rectification */
            rectification: string;
            /** Rectify By */
            rectify_by: string | null;
            /** Risk Point Id */
            risk_point_id: string | null;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /**
         * InspectionIn
         * @description Task a self-inspection 自查, or open an internal inspection or superior supervision.
         */
        InspectionIn: {
            /**
             * Due On
             * @description When a self-inspection is due (完成时限).
             */
            due_on?: string | null;
            /** @description self_inspection 自查; internal 主管部门内部检查; superior 上级监督. */
            kind: components["schemas"]["InspectionKind"];
            /** @description Superior supervision only: information_monitoring 信息监测, unannounced_visit 明察暗访, social_review 社会评议. */
            method?: components["schemas"]["SuperiorMethod"] | null;
            /**
             * Title
             * @description What the inspection is (名称).
             */
            title: string;
            /** @description Self-inspection only: annual 年度, or a change of staff, law, function, duty. */
            trigger?: components["schemas"]["SelfTrigger"] | null;
            /**
             * Unit Code
             * @description The unit inspected.
             */
            unit_code: string;
            /**
             * Year
             * @description Assessment year; default now.
             */
            year?: number | null;
        };
        /**
         * InspectionKind
         * @description Who inspects: the unit itself, its supervising department, or a superior (Art. 30).
         * @enum {string}
         */
        InspectionKind: "self_inspection" | "internal" | "superior";
        /** InspectionOut */
        InspectionOut: {
            /** Completed At */
            completed_at: string | null;
            /** Due On */
            due_on: string | null;
            /** Findings */
            findings: components["schemas"]["FindingOut"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Inspecting Unit */
            inspecting_unit: string;
            /** Kind */
            kind: string;
            /** Method */
            method: string | null;
            /** Summary */
            summary: string;
            /** Title */
            title: string;
            /** Trigger */
            trigger: string | null;
            /** Unit Code */
            unit_code: string;
            /** Year */
            year: number;
        };
        /** ItemOut */
        ItemOut: {
            /** Component */
            component: string;
            /** Evidence */
            evidence: components["schemas"]["EvidenceOut"][];
            /**
             * Formula
             * @description The arithmetic behind the points.
             */
            formula: string;
            /** Label Zh */
            label_zh: string;
            /** Max Points */
            max_points: number;
            /** Points */
            points: number;
        };
        /** PublicQuestionnaireOut */
        PublicQuestionnaireOut: {
            /** Questions */
            questions: components["schemas"]["QuestionIn"][];
            /** Title */
            title: string;
        };
        /**
         * PublicResponseIn
         * @description One anonymous response by a one-time code: an answer 1..5 per question.
         */
        PublicResponseIn: {
            /**
             * Answers
             * @description Question id -> 1 (很不满意) .. 5 (很满意).
             */
            answers: {
                [key: string]: number;
            };
            /**
             * Code
             * @description A one-time code 评议码 issued for the round (from its QR code or link).
             */
            code: string;
        };
        /** QuestionIn */
        QuestionIn: {
            /**
             * Id
             * @description Short id of the question, e.g. q1.
             */
            id: string;
            /**
             * Text
             * @description The question (评议内容).
             */
            text: string;
        };
        /**
         * RankOut
         * @description One unit's place in the year's ranking 考核排名 (Art. 31).
         */
        RankOut: {
            /** Grade */
            grade: string;
            /** Grade Zh */
            grade_zh: string;
            /**
             * Rank
             * @description 1 is the highest total; equal totals share a place.
             */
            rank: number;
            /**
             * Status
             * @description draft (scored, not published) or published.
             */
            status: string;
            /** Total */
            total: number;
            /** Unit Code */
            unit_code: string;
            /** Unit Name */
            unit_name: string;
        };
        /**
         * RecognitionIn
         * @description A commendation for original, typical, effective work, or an accountability finding.
         */
        RecognitionIn: {
            /** @description commendation 表彰奖励 or accountability 责任追究. */
            kind: components["schemas"]["RecognitionKind"];
            /**
             * Reason
             * @description Why (事由).
             */
            reason: string;
            /**
             * Reference
             * @description Decision ref (决定文号).
             */
            reference: string;
            /**
             * Unit Code
             * @description The unit concerned.
             */
            unit_code: string;
            /**
             * Year
             * @description Assessment year; default now.
             */
            year?: number | null;
        };
        /**
         * RecognitionKind
         * @description A reward or a finding of accountability (Art. 8).
         * @enum {string}
         */
        RecognitionKind: "commendation" | "accountability";
        /** RecognitionOut */
        RecognitionOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Decided By Unit */
            decided_by_unit: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Reason */
            reason: string;
            /** Reference */
            reference: string;
            /** Unit Code */
            unit_code: string;
            /** Year */
            year: number;
        };
        /**
         * ResponseIn
         * @description One anonymous response: a respondent token and an answer 1..5 per question.
         */
        ResponseIn: {
            /**
             * Answers
             * @description Question id -> 1 (很不满意) .. 5 (很满意).
             */
            answers: {
                [key: string]: number;
            };
            /**
             * Respondent Token
             * @description The token given with the questionnaire; only its keyed hash is stored, and a token answers a round once.
             */
            respondent_token: string;
        };
        /** ResponseOut */
        ResponseOut: {
            /**
             * Response Id
             * Format: uuid
             */
            response_id: string;
        };
        /** ScoreLine */
        ScoreLine: {
            /**
             * Grade
             * @description excellent 优秀 · good 良好 · pass 合格 · fail 不合格.
             */
            grade: string;
            /**
             * Status
             * @description draft (scored, not published) or published.
             */
            status: string;
            /**
             * Total
             * @description The scorecard's total, 0..100 (Art. 31).
             */
            total: number;
            /** Unit Code */
            unit_code: string;
        };
        /**
         * ScoringScheme
         * @description Weights, deductions and grade thresholds of one year's assessment (Art. 31).
         */
        ScoringScheme: {
            /**
             * Accountability Penalty
             * @description Points off per accountability.
             * @default 5
             */
            accountability_penalty: number;
            /**
             * Breach Deductions
             * @description Points off reporting per breach (迟报/漏报/瞒报/不实/不准确, Art. 23); concealment_candidate applies to a 瞒报 candidate the office confirmed, never to one it dismissed or has not reviewed.
             */
            breach_deductions?: {
                [key: string]: number;
            };
            /**
             * Commendation Bonus
             * @description Points added per commendation.
             * @default 2
             */
            commendation_bonus: number;
            /**
             * Commendation Cap
             * @description At most this many points added.
             * @default 5
             */
            commendation_cap: number;
            /**
             * Finding Deductions
             * @description Points off inspections per finding, by its state at scoring time.
             */
            finding_deductions?: {
                [key: string]: number;
            };
            /**
             * Identification Parts
             * @description Shares of the identification points: powers catalogued and charted, risk points graded, share approved, share published or in force; they sum to 1 (Art. 10-14).
             */
            identification_parts?: {
                [key: string]: number;
            };
            /**
             * Identification Target
             * @description Distinct risk points graded in the year that earn full marks.
             * @default 3
             */
            identification_target: number;
            /**
             * Managed Share
             * @description Share of each reporting, warning and overdue deduction of a unit that counts again on the card of the unit managing it directly (its parent in the tree: 分级管理、逐级实施, Art. 31); 0 shows those facts at no cost. Not a component: the weights still sum to 100.
             * @default 0.5
             */
            managed_share: number;
            /**
             * Measure Overdue Deduction
             * @description Points off overdue per prevention measure not done by its due date (MeasureOverdue, Art. 14, 15).
             * @default 1
             */
            measure_overdue_deduction: number;
            /**
             * Missed Self Inspection
             * @description Points off inspections per self-inspection task left uncompleted.
             * @default 3
             */
            missed_self_inspection: number;
            /**
             * No Survey Ratio
             * @description Share of the social points when no survey round closed.
             * @default 0.8
             */
            no_survey_ratio: number;
            /**
             * Overdue Deduction
             * @description Points off per overdue action.
             * @default 2.5
             */
            overdue_deduction: number;
            /**
             * Powers Target
             * @description Powers catalogued and charted in the year that earn the powers share.
             * @default 3
             */
            powers_target: number;
            /**
             * Self Inspection Factor
             * @description Share of a finding's deduction when the unit found it itself.
             * @default 0.5
             */
            self_inspection_factor: number;
            /**
             * Thresholds
             * @description Lowest total of each grade 优秀/良好/合格; below pass is 不合格.
             */
            thresholds?: {
                [key: string]: number;
            };
            /**
             * Warning Deductions
             * @description Points off per warning issued, by level (Art. 28).
             */
            warning_deductions?: {
                [key: string]: number;
            };
            /**
             * Weights
             * @description Points of each component; exactly the seven components, summing to 100.
             */
            weights?: {
                [key: string]: number;
            };
        };
        /**
         * SelfTrigger
         * @description Why a self-inspection is due: the year, or a change of staff, law, function, duty.
         * @enum {string}
         */
        SelfTrigger: "annual" | "staff_change" | "law_change" | "function_change" | "duty_change";
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
         * SuperiorMethod
         * @description How a superior supervises: 信息监测, 明察暗访, 社会评议 (Art. 30).
         * @enum {string}
         */
        SuperiorMethod: "information_monitoring" | "unannounced_visit" | "social_review";
        /**
         * SurveyIn
         * @description Open a public survey round about one unit.
         */
        SurveyIn: {
            /** Questions */
            questions: components["schemas"]["QuestionIn"][];
            /**
             * Title
             * @description Name of the round.
             */
            title: string;
            /**
             * Unit Code
             * @description The unit evaluated.
             */
            unit_code: string;
            /**
             * Year
             * @description Assessment year; default now.
             */
            year?: number | null;
        };
        /** SurveyOut */
        SurveyOut: {
            /** Closed At */
            closed_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Open */
            is_open: boolean;
            /** Questions */
            questions: components["schemas"]["QuestionIn"][];
            /**
             * Responses
             * @description How many responses (never who gave them).
             */
            responses: number;
            /**
             * Score
             * @description Mean satisfaction 0..1; null without responses.
             */
            score: number | null;
            /** Title */
            title: string;
            /** Unit Code */
            unit_code: string;
            /** Year */
            year: number;
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
    get_scheme_assessment_schemes__year__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The assessment year (考核年度). */
                year: number;
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
                    "application/json": components["schemas"]["ScoringScheme"];
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
    set_scheme_assessment_schemes__year__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The assessment year (考核年度). */
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScoringScheme"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoringScheme"];
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
    ranking_assessments_ranking_get: {
        parameters: {
            query: {
                /** @description The assessment year (考核年度). */
                year: number;
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
                    "application/json": components["schemas"]["RankOut"][];
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
    get_assessment_assessments__unit_code___year__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_code: string;
                /** @description The assessment year (考核年度). */
                year: number;
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
                    "application/json": components["schemas"]["AssessmentOut"];
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
    explanation_assessments__unit_code___year__explanation_get: {
        parameters: {
            query?: {
                /** @description How many items at most in this page (1–200; default 200). */
                limit?: number;
                /** @description The `X-Next-Cursor` header of the previous page, as it was given (opaque). */
                cursor?: string | null;
            };
            header?: never;
            path: {
                unit_code: string;
                /** @description The assessment year (考核年度). */
                year: number;
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
                    "application/json": components["schemas"]["ItemOut"][];
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
    preview_assessments__unit_code___year__preview_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_code: string;
                /** @description The assessment year (考核年度). */
                year: number;
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
                    "application/json": components["schemas"]["CardOut"];
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
    publish_assessments__unit_code___year__publish_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_code: string;
                /** @description The assessment year (考核年度). */
                year: number;
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
                    "application/json": components["schemas"]["AssessmentOut"];
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
    report_assessments__unit_code___year__report_html_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_code: string;
                /** @description The assessment year (考核年度). */
                year: number;
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
    score_assessments__unit_code___year__score_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_code: string;
                /** @description The assessment year (考核年度). */
                year: number;
            };
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
                    "application/json": components["schemas"]["AssessmentOut"];
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
    get_case_event_audit_cases__information_id__events__event_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                information_id: string;
                event_id: string;
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
                    "application/json": {
                        [key: string]: unknown;
                    };
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
    get_timeline_audit_cases__information_id__timeline_get: {
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
    get_timeline_document_audit_cases__information_id__timeline_md_get: {
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
                /** @description Default this year. */
                year?: number | null;
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
                    "application/json": components["schemas"]["AssessmentSummaryOut"];
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
    list_figures_figures_get: {
        parameters: {
            query: {
                /** @description The year (考核年度, Beijing time). */
                year: number;
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
                    "application/json": components["schemas"]["FiguresOut"][];
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
    get_figures_figures__unit_code__get: {
        parameters: {
            query: {
                /** @description The year (考核年度, Beijing time). */
                year: number;
            };
            header?: never;
            path: {
                unit_code: string;
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
                    "application/json": components["schemas"]["FiguresOut"];
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
    list_inspections_inspections_get: {
        parameters: {
            query: {
                unit_code: string;
                year: number;
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
                    "application/json": components["schemas"]["InspectionOut"][];
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
    open_inspection_inspections_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectionIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionOut"];
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
    task_annual_inspections_annual_self_inspections_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnnualTaskIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionOut"][];
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
    list_subtree_inspections_inspections_subtree_get: {
        parameters: {
            query: {
                year: number;
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
                    "application/json": components["schemas"]["InspectionOut"][];
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
    get_inspection_inspections__inspection_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inspection_id: string;
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
                    "application/json": components["schemas"]["InspectionOut"];
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
    complete_inspections__inspection_id__complete_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inspection_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionOut"];
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
    record_finding_inspections__inspection_id__findings_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inspection_id: string;
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
                    "application/json": components["schemas"]["InspectionOut"];
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
    close_finding_inspections__inspection_id__findings__finding_id__close_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inspection_id: string;
                finding_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionOut"];
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
    public_questionnaire_public_surveys__round_id__questionnaire_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicQuestionnaireOut"];
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
    public_respond_public_surveys__round_id__responses_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicResponseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseOut"];
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
    list_recognitions_recognitions_get: {
        parameters: {
            query: {
                unit_code: string;
                year: number;
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
                    "application/json": components["schemas"]["RecognitionOut"][];
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
    recognise_recognitions_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecognitionIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecognitionOut"];
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
    list_subtree_recognitions_recognitions_subtree_get: {
        parameters: {
            query: {
                year: number;
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
                    "application/json": components["schemas"]["RecognitionOut"][];
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
    scorecards_csv_scorecards_csv_get: {
        parameters: {
            query: {
                /** @description The assessment year (考核年度). */
                year: number;
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
    scorecards_xlsx_scorecards_xlsx_get: {
        parameters: {
            query: {
                /** @description The assessment year (考核年度). */
                year: number;
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
    open_survey_surveys_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyOut"];
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
    list_subtree_surveys_surveys_subtree_get: {
        parameters: {
            query: {
                year: number;
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
                    "application/json": components["schemas"]["SurveyOut"][];
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
    get_survey_surveys__round_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: string;
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
                    "application/json": components["schemas"]["SurveyOut"];
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
    close_survey_surveys__round_id__close_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: string;
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
                    "application/json": components["schemas"]["SurveyOut"];
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
    issue_codes_surveys__round_id__codes_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodesIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodesOut"];
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
    questionnaire_surveys__round_id__questionnaire_get: {
        parameters: {
            query?: {
                /** @description How many items at most in this page (1–200; default 200). */
                limit?: number;
                /** @description The `X-Next-Cursor` header of the previous page, as it was given (opaque). */
                cursor?: string | null;
            };
            header?: never;
            path: {
                round_id: string;
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
                    "application/json": components["schemas"]["QuestionIn"][];
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
    respond_surveys__round_id__responses_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseOut"];
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
