import Foundation
import LedgerportSDK

/// `mail.activity`, `mail.activity.type`, `mail.message` and `mail.message.subtype`.
enum MailModels {
    static func definitions() -> [ModelDefinition] {
        [activity(), activityType(), message(), subtype()]
    }

    private static func activity() -> ModelDefinition {
        ModelDefinition(
            "mail.activity", label: "Activity",
            fields: [
                FieldDefinition.many2one("res_model_id", "Document Model", "ir.model").required(),
                FieldDefinition.char("res_model", "Related Document Model").computed { transaction, record in
                    let model = transaction.value(record.model, record.id, "res_model_id").intValue ?? 0
                    return transaction.row("ir.model", model)?["model"] ?? .null
                },
                .integer("res_id", "Related Document ID"),
                FieldDefinition.char("res_name", "Document Name").computed { transaction, record in
                    let model = transaction.value(record.model, record.id, "res_model").stringValue ?? ""
                    let id = transaction.value(record.model, record.id, "res_id").intValue ?? 0
                    return .string(transaction.displayName(model, id))
                },
                .many2one("activity_type_id", "Activity Type", "mail.activity.type"),
                FieldDefinition.selection(
                    "activity_category", "Action", [("default", "None"), ("upload_file", "Upload Document"), ("phonecall", "Phonecall")]
                ).computed { transaction, record in
                    let type = transaction.value(record.model, record.id, "activity_type_id").intValue ?? 0
                    return transaction.row("mail.activity.type", type)?["category"] ?? "default"
                },
                .char("summary", "Summary"),
                .html("note", "Note"),
                FieldDefinition.date("date_deadline", "Due Date").required(),
                FieldDefinition.many2one("user_id", "Assigned to", "res.users").defaulting { .int($0.uid) },
                FieldDefinition.selection("state", "State", [("overdue", "Overdue"), ("today", "Today"), ("planned", "Planned")])
                    .computed { transaction, record in
                        let deadline = transaction.value(record.model, record.id, "date_deadline").stringValue ?? ""
                        return .string(MailThread.activityState(deadline: deadline, today: transaction.todayText))
                    },
                FieldDefinition.boolean("automated", "Automated activity").defaulting(to: false),
            ],
            order: "date_deadline ASC, id ASC", nameSearch: ["summary"], behavior: ActivityModel()
        )
    }

    private static func activityType() -> ModelDefinition {
        ModelDefinition(
            "mail.activity.type", label: "Activity Type",
            fields: [
                FieldDefinition.char("name", "Name").required(),
                .char("summary", "Default Summary"),
                FieldDefinition.selection(
                    "category", "Action", [("default", "None"), ("upload_file", "Upload Document"), ("phonecall", "Phonecall")]
                ).defaulting(to: "default"),
                .char("res_model", "Model"),
                FieldDefinition.integer("delay_count", "Schedule").defaulting(to: 0),
                FieldDefinition.selection("delay_unit", "Delay units", [("days", "days"), ("weeks", "weeks"), ("months", "months")])
                    .defaulting(to: "days"),
                FieldDefinition.integer("sequence", "Sequence").defaulting(to: 10),
                FieldDefinition.boolean("active", "Active").defaulting(to: true),
            ],
            order: "sequence, id"
        )
    }

    private static func message() -> ModelDefinition {
        ModelDefinition(
            "mail.message", label: "Message",
            fields: [
                .html("body", "Contents"),
                .char("model", "Related Document Model"),
                .integer("res_id", "Related Document ID"),
                FieldDefinition.selection(
                    "message_type", "Type",
                    [("email", "Incoming Email"), ("comment", "Comment"), ("email_outgoing", "Outgoing Email"),
                     ("notification", "System notification"), ("auto_comment", "Automated Targeted Notification"),
                     ("user_notification", "User Specific Notification")]
                ).defaulting(to: "comment"),
                .many2one("subtype_id", "Subtype", "mail.message.subtype"),
                .many2one("author_id", "Author", "res.partner"),
                FieldDefinition.char("record_name", "Message Record Name").computed { transaction, record in
                    let model = transaction.value(record.model, record.id, "model").stringValue ?? ""
                    let id = transaction.value(record.model, record.id, "res_id").intValue ?? 0
                    return .string(transaction.displayName(model, id))
                },
                FieldDefinition.datetime("date", "Date").defaulting { .string($0.nowText) },
                FieldDefinition.char("preview", "Preview").computed { transaction, record in
                    .string(MailThread.plainText(transaction.value(record.model, record.id, "body").stringValue ?? ""))
                },
                FieldDefinition.boolean("is_internal", "Employee Only").defaulting(to: false),
            ],
            order: "id desc"
        )
    }

    private static func subtype() -> ModelDefinition {
        ModelDefinition(
            "mail.message.subtype", label: "Message subtypes",
            fields: [
                FieldDefinition.char("name", "Message Type").required(),
                FieldDefinition.boolean("internal", "Internal Only").defaulting(to: false),
            ],
            order: "id"
        )
    }
}

/// Activities: the deadline defaults to today plus the type's delay.
struct ActivityModel: ModelBehavior {
    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        if values["date_deadline"] == nil || values["date_deadline"] == .null, let type = values["activity_type_id"]?.intValue,
            let typeRow = transaction.row("mail.activity.type", type)
        {
            let days = typeRow["delay_count"]?.intValue ?? 0
            values["date_deadline"] = OdooDateFormat.date(transaction.todayText, plusDays: days).map { .string($0) } ?? .null
        }
    }

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        row["summary"]?.stringValue ?? transaction.displayName("mail.activity.type", row["activity_type_id"]?.intValue ?? 0)
    }
}

/// The helpers behind what `mail.thread` and `mail.activity.mixin` add to a model: activity fields, `message_post` and `activity_schedule`.
enum MailThread {
    static func activityState(deadline: String, today: String) -> String {
        if deadline < today { return "overdue" }
        return deadline == today ? "today" : "planned"
    }

    /// Strips the tags of an HTML body and decodes its entities, as `preview` shows it.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; continue }
            if !inTag { text.append(character) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Plain text as a paragraph of HTML, escaped, as Odoo stores a `str` body posted over RPC.
    static func paragraph(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\n", with: "<br>")
        return "<p>\(escaped)</p>"
    }

    /// Returns the activities on a record, earliest deadline first.
    static func activities(_ record: RecordReference, in transaction: Transaction) throws -> [Int] {
        try transaction.search(
            "mail.activity", domain: [["res_model", "=", .string(record.model)], ["res_id", "=", .int(record.id)]]
        )
    }
}

/// The activity and message fields every `mail.thread` model has.
enum MailThreadFields {
    static var definitions: [FieldDefinition] {
        [
            FieldDefinition.one2many("activity_ids", "Activities", "mail.activity", inverse: "res_id").computed { transaction, record in
                .ids(try MailThread.activities(record, in: transaction))
            },
            FieldDefinition.selection("activity_state", "Activity State", [("overdue", "Overdue"), ("today", "Today"), ("planned", "Planned")])
                .computed { transaction, record in
                    let states = try MailThread.activities(record, in: transaction).map { transaction.value("mail.activity", $0, "state").stringValue ?? "" }
                    for state in ["overdue", "today", "planned"] where states.contains(state) {
                        return .string(state)
                    }
                    return .null
                },
            FieldDefinition.char("activity_summary", "Next Activity Summary").computed { transaction, record in
                try MailThread.activities(record, in: transaction).first.map { transaction.value("mail.activity", $0, "summary") } ?? .null
            },
            FieldDefinition.date("activity_date_deadline", "Next Activity Deadline").computed { transaction, record in
                try MailThread.activities(record, in: transaction).first.map { transaction.value("mail.activity", $0, "date_deadline") } ?? .null
            },
            FieldDefinition.many2one("activity_type_id", "Next Activity Type", "mail.activity.type").computed { transaction, record in
                try MailThread.activities(record, in: transaction).first.map { transaction.value("mail.activity", $0, "activity_type_id") } ?? .null
            },
            FieldDefinition.many2one("activity_user_id", "Responsible User", "res.users").computed { transaction, record in
                try MailThread.activities(record, in: transaction).first.map { transaction.value("mail.activity", $0, "user_id") } ?? .null
            },
            FieldDefinition.one2many("message_ids", "Messages", "mail.message", inverse: "res_id").computed { transaction, record in
                .ids(try transaction.search("mail.message", domain: [["model", "=", .string(record.model)], ["res_id", "=", .int(record.id)]]))
            },
        ]
    }
}

/// `message_post` and `activity_schedule`.
enum MailThreadMethods {
    static var all: [ModelMethod] {
        [messagePost, activitySchedule]
    }

    /// Posts a message; a `str` body is escaped and wrapped in a paragraph, and the default subtype is Note.
    static let messagePost = ModelMethod("message_post", MethodSignature(extraKeywords: true), access: .read) { call, transaction in
        guard let record = call.ids.first else {
            throw OdooFault(.valueError, "Expected singleton: \(call.model)()")
        }
        let body = call.extraKeywords["body"]?.stringValue ?? ""
        let subtypeName = call.extraKeywords["subtype_xmlid"]?.stringValue ?? "mail.mt_note"
        let author = transaction.row("res.users", transaction.uid)?["partner_id"] ?? .null
        let message = try transaction.sudo {
            try transaction.create("mail.message", [
                "body": .string(MailThread.paragraph(body)), "model": .string(call.model), "res_id": .int(record),
                "message_type": call.extraKeywords["message_type"] ?? "notification",
                "subtype_id": transaction.resolveExternalID(subtypeName).map { .int($0.id) } ?? .null, "author_id": author,
            ] as RecordValues)
        }
        return .value(.int(message))
    }

    /// Schedules an activity on each record and returns the activities as a recordset.
    static let activitySchedule = ModelMethod(
        "activity_schedule",
        MethodSignature(
            [.init("act_type_xmlid", default: ""), .init("date_deadline", default: .null), .init("summary", default: ""), .init("note", default: "")],
            extraKeywords: true
        ),
        access: .read
    ) { call, transaction in
        let xmlID = call["act_type_xmlid"].stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "mail.mail_activity_data_todo"
        let type = transaction.resolveExternalID(xmlID).map { JSONValue.int($0.id) } ?? .null
        var created: [Int] = []
        for record in call.ids {
            var values: RecordValues = [
                "res_model_id": transaction.irModelID(call.model).map { .int($0) } ?? .null, "res_id": .int(record),
                "activity_type_id": type, "summary": call["summary"], "date_deadline": call["date_deadline"],
            ]
            if let note = call["note"].stringValue, !note.isEmpty {
                values["note"] = .string(note.hasPrefix("<") ? note : MailThread.paragraph(note))
            }
            for (key, value) in call.extraKeywords {
                values[key] = value
            }
            created.append(try transaction.sudo { try transaction.create("mail.activity", values) })
        }
        return .records(model: "mail.activity", ids: created, form: .representation)
    }
}
