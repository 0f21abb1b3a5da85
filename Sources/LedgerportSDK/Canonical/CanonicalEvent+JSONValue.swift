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

        // In key order, so the object takes the members without sorting them.
        let members: JSONObject = [
            "envelope_version": .number(JSONNumber(CanonicalEvent.envelopeVersion)),
            "id": .string(id),
            "object": object.directJSON(),
            "object_schema_version": .number(JSONNumber(object.schemaVersion)),
            "object_type": .string(object.objectType.rawValue),
            "occurred_at": .string(RFC3339.string(from: occurredAt)),
            "ordering": .object(["key": .string(ordering.key), "version": .number(JSONNumber(ordering.version))]),
            "source": .object(sourceMembers),
            "type": .string(type.rawValue),
        ]
        return .object(members)
    }
}
