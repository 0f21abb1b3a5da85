import LedgerportJSONSchema
import LedgerportSDK

extension SpecLinter {
    /// Checks that object names are unique (`duplicate_name`), that only a source with the backfill
    /// capability marks objects for backfill (`backfill_without_capability`), and that each object's
    /// schema, and the webhook payload schema, load as JSON Schemas (`object_schema`, `payload_schema`).
    mutating func lintObjects() {
        var seen = Set<String>()
        for (index, object) in spec.objects.enumerated() {
            let base = JSONPointer(tokens: ["objects", String(index)])
            if !seen.insert(object.name).inserted {
                report(base.appending("name"), "duplicate_name", "object \(MessageText.quote(object.name)) is listed twice", fix: "list each object once")
            }
            if object.backfill, spec.kind != .source || !spec.capabilities.backfill {
                report(
                    base.appending("backfill"), "backfill_without_capability",
                    "object \(MessageText.quote(object.name)) is marked for backfill, but the connector is not a source with the backfill capability",
                    fix: "remove \"backfill\" from the object or set capabilities.backfill on a source connector"
                )
            }
            if let schema = loadEmbeddedSchema(object.schema, at: base.appending("schema"), rule: "object_schema") {
                objectSchemas[object.name] = schema
            }
        }
        if let webhooks = spec.webhooks {
            payloadSchema = loadEmbeddedSchema(webhooks.payloadSchema, at: JSONPointer(tokens: ["webhooks", "payload_schema"]), rule: "payload_schema")
        }
    }

    private mutating func loadEmbeddedSchema(_ document: JSONValue, at base: JSONPointer, rule: String) -> JSONSchema? {
        do throws(JSONSchemaLoadError) {
            return try JSONSchema(document: document, file: file)
        } catch {
            reportEmbedded(error.issues, at: base, rule: rule)
            return nil
        }
    }

    /// Checks each event type: unique by name and object (`duplicate_name`), carrying one of
    /// this spec's objects (`unknown_object`) and mapping only to known canonical types
    /// (`canonical_event_type`).
    mutating func lintEventTypes() {
        var seen = Set<String>()
        let objectNames = spec.objects.map(\.name)
        for (index, eventType) in spec.eventTypes.enumerated() {
            let base = JSONPointer(tokens: ["event_types", String(index)])
            if !seen.insert(eventType.name + " " + eventType.object).inserted {
                report(base.appending("name"), "duplicate_name", "event type \(MessageText.quote(eventType.name)) of object \(MessageText.quote(eventType.object)) is listed twice", fix: "list each event type once per object")
            }
            if !objectNames.contains(eventType.object) {
                let hint = MessageText.didYouMean(eventType.object, among: objectNames)
                report(base.appending("object"), "unknown_object", "object \(MessageText.quote(eventType.object)) is not one of this spec's objects", fix: "\(hint)use one of \(MessageText.quotedList(objectNames))")
            }
            lintCanonicalTypes(eventType.canonicalEventTypes, at: base.appending("canonical_event_types"))
        }
    }

    private mutating func lintCanonicalTypes(_ types: [CanonicalEventType], at base: JSONPointer) {
        let known = KnownCanonicalEventTypes.all.map(\.rawValue).sorted()
        for (index, type) in types.enumerated() where !KnownCanonicalEventTypes.all.contains(type) {
            let hint = MessageText.didYouMean(type.rawValue, among: known)
            report(base.appending(index), "canonical_event_type", "canonical event type \(MessageText.quote(type.rawValue)) is not known", fix: "\(hint)use one of \(MessageText.quotedList(known)), or add the type to the SDK first")
        }
    }
}
