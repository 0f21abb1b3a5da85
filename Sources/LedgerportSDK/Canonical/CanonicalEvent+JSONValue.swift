extension CanonicalEvent {
    /// Returns the event's JSON form, equal to what ``JSONValueEncoder`` writes for it, with the envelope built directly.
    ///
    /// Mapping evaluation reads this document for every delivered event, so the envelope and the object
    /// (``CanonicalObjectValue/directJSON()``) are built without the generic encoder's keyed containers.
    /// Keep the members in step with ``encode(to:)``; the tests compare both with the pinned bytes.
    package func jsonValue() throws -> JSONValue {
        var sourceMembers: JSONObject = [
            "connector": .string(source.connector),
            "connector_version": .string(source.connectorVersion),
            "native_type": .string(source.nativeType),
        ]
        if let apiVersion = source.apiVersion {
            sourceMembers["api_version"] = .string(apiVersion)
        }
        if let livemode = source.livemode {
            sourceMembers["livemode"] = .bool(livemode)
        }

        return .object([
            "envelope_version": .number(JSONNumber(CanonicalEvent.envelopeVersion)),
            "id": .string(id),
            "type": .string(type.rawValue),
            "occurred_at": .string(RFC3339.string(from: occurredAt)),
            "source": .object(sourceMembers),
            "ordering": .object(["key": .string(ordering.key), "version": .number(JSONNumber(ordering.version))]),
            "object_type": .string(object.objectType.rawValue),
            "object_schema_version": .number(JSONNumber(object.schemaVersion)),
            "object": object.directJSON(),
        ])
    }
}
