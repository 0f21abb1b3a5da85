import LedgerportSDK

extension MappingCompiler {
    private static let sourceMembers: Set<String> = ["object_type", "schema_version", "event_types"]
    private static let targetMembers: Set<String> = ["connector", "versions", "models"]
    private static let tableMembers: Set<String> = ["base", "exponents", "description"]

    /// Reads `source`, and loads the schemas that field paths are checked against.
    mutating func compileSource(_ value: JSONValue?, at pointer: JSONPointer) -> MappingSource? {
        guard let members = requireObject(value, at: pointer, expecting: "the canonical object type, schema version and event types the mapping reads") else {
            return nil
        }
        reportUnknownMembers(members, allowed: Self.sourceMembers, at: pointer)
        guard let typeName = requireString(members["object_type"], at: pointer.appending("object_type"), expecting: "a canonical object type such as \"invoice\"") else {
            return nil
        }
        guard let objectType = CanonicalObjectType(rawValue: typeName) else {
            report(.unknownObjectType, at: pointer.appending("object_type"), "\"\(typeName)\" is not a canonical object type",
                fix: Suggestion.fix(for: typeName, among: CanonicalObjectType.allCases.map(\.rawValue), noun: "object type"))
            return nil
        }
        guard let schemaVersion = compileSchemaVersion(members["schema_version"], of: objectType, at: pointer.appending("schema_version")),
            let schema = objectSchema
        else {
            return nil
        }
        envelopeSchema = environment.schemas.envelopeSchema(version: CanonicalEvent.envelopeVersion)
        let eventTypes = compileEventTypes(members["event_types"], of: objectType, at: pointer.appending("event_types"))
        return MappingSource(objectType: objectType, schemaVersion: schemaVersion, eventTypes: eventTypes, schema: schema)
    }

    private mutating func compileSchemaVersion(_ value: JSONValue?, of type: CanonicalObjectType, at pointer: JSONPointer) -> Int? {
        let known = environment.schemas.versions(of: type)
        let fix = "use a schema version this build has for \(type.rawValue): \(known.map(String.init).joined(separator: ", "))"
        guard let version = value?.intValue else {
            report(.unknownSchemaVersion, at: pointer, "schema_version must be an integer, found \(value?.typeName ?? "nothing")", fix: fix)
            return nil
        }
        guard let schema = environment.schemas.objectSchema(type, version: version) else {
            report(.unknownSchemaVersion, at: pointer, "\(type.rawValue) schema version \(version) is unknown", fix: fix)
            return nil
        }
        objectSchema = schema
        return version
    }

    private mutating func compileEventTypes(_ value: JSONValue?, of type: CanonicalObjectType, at pointer: JSONPointer) -> [CanonicalEventType] {
        guard let list = value?.arrayValue, !list.isEmpty else {
            report(.invalidDocument, at: pointer, "event_types must be a non-empty list", fix: "list the canonical event types the mapping handles, such as [\"\(type.rawValue).created\"]")
            return []
        }
        let known = environment.schemas.knownEventTypes(envelopeVersion: CanonicalEvent.envelopeVersion)
        let ofType = known.filter { $0.hasPrefix(type.rawValue + ".") }
        var result = [CanonicalEventType]()
        for (index, element) in list.enumerated() {
            guard let text = element.stringValue, ofType.contains(text) else {
                report(.unknownEventType, at: pointer.appending(index), "\(element) is not a canonical event type of \(type.rawValue)",
                    fix: Suggestion.fix(for: element.stringValue ?? "", among: ofType, noun: "event type"))
                continue
            }
            result.append(CanonicalEventType(rawValue: text))
        }
        return result
    }

    /// Reads `target` and picks the catalog of the newest connector version in the range.
    mutating func compileTarget(_ value: JSONValue?, at pointer: JSONPointer) -> MappingTarget? {
        guard let members = requireObject(value, at: pointer, expecting: "the target connector, its version range and the models written") else {
            return nil
        }
        reportUnknownMembers(members, allowed: Self.targetMembers, at: pointer)
        guard let connector = requireString(members["connector"], at: pointer.appending("connector"), expecting: "a connector id such as \"odoo\""),
            let rangeText = requireString(members["versions"], at: pointer.appending("versions"), expecting: "a version range such as \"^1.0.0\"")
        else { return nil }

        let catalogs = environment.catalogs.catalogs(of: connector)
        guard !catalogs.isEmpty else {
            report(.unknownConnector, at: pointer.appending("connector"), "connector \"\(connector)\" is unknown",
                fix: Suggestion.fix(for: connector, among: environment.catalogs.connectors, noun: "connector"))
            return nil
        }
        guard let range = SemanticVersionRange(rangeText) else {
            report(.invalidValue, at: pointer.appending("versions"), "\"\(rangeText)\" is not a version range", fix: "write comparators such as \">=1.0.0 <2.0.0\" or \"^1.0.0\"")
            return nil
        }
        guard let chosen = catalogs.first(where: { range.contains($0.version) }) else {
            let versions = catalogs.map(\.version.description).joined(separator: ", ")
            report(.unsupportedConnectorVersion, at: pointer.appending("versions"), "no known version of \(connector) is in \"\(rangeText)\"",
                fix: "widen the range to include a known version: \(versions)")
            return nil
        }
        catalog = chosen
        let models = compileModels(members["models"], catalog: chosen, at: pointer.appending("models"))
        return MappingTarget(connector: connector, versions: range, models: models, validatedAgainst: chosen.version)
    }

    private mutating func compileModels(_ value: JSONValue?, catalog: TargetCatalog, at pointer: JSONPointer) -> [String] {
        guard let list = value?.arrayValue, !list.isEmpty else {
            report(.invalidDocument, at: pointer, "models must be a non-empty list", fix: "list the target models the operations write, such as [\"account.move\"]")
            return []
        }
        var models = [String]()
        for (index, element) in list.enumerated() {
            guard let model = element.stringValue, catalog.models[model] != nil else {
                report(.unknownModel, at: pointer.appending(index), "\(element) is not a model of \(catalog.connector) \(catalog.version)",
                    fix: Suggestion.fix(for: element.stringValue ?? "", among: catalog.models.keys, noun: "model"))
                continue
            }
            models.append(model)
        }
        declaredModels = Set(models)
        return models
    }

    /// Reads `exponent_tables`: named currency exponent tables built from a base table and overrides.
    mutating func compileExponentTables(_ value: JSONValue?, at pointer: JSONPointer) {
        guard let value else { return }
        guard let tables = value.objectValue else {
            report(.typeMismatch, at: pointer, "exponent_tables must be an object", fix: "write {\"<name>\": {\"base\": \"iso4217\", \"exponents\": {\"ISK\": 2}}}")
            return
        }
        for name in tables.keys.sorted() {
            let tablePointer = pointer.appending(name)
            guard let members = tables[name]!.objectValue else {
                report(.typeMismatch, at: tablePointer, "an exponent table must be an object", fix: "write {\"base\": \"iso4217\", \"exponents\": {\"ISK\": 2}}")
                continue
            }
            reportUnknownMembers(members, allowed: Self.tableMembers, at: tablePointer)
            let baseName = members["base"]?.stringValue ?? "iso4217"
            guard let base = exponentTables[baseName] else {
                report(.unknownExponentTable, at: tablePointer.appending("base"), "exponent table \"\(baseName)\" is unknown", fix: Suggestion.fix(for: baseName, among: exponentTables.keys, noun: "table"))
                continue
            }
            guard let exponents = members["exponents"]?.objectValue else {
                report(.invalidDocument, at: tablePointer.appending("exponents"), "exponent table \(name) has no exponents object", fix: "add \"exponents\": {\"ISK\": 2} with the currencies that differ from the base")
                continue
            }
            var overrides = [CurrencyCode: Int]()
            for (code, exponent) in exponents {
                guard let currency = CurrencyCode(code), let digits = exponent.intValue, (0...4).contains(digits) else {
                    report(.invalidValue, at: tablePointer.appending("exponents").appending(code), "\"\(code)\": \(exponent) is not a currency code with an exponent from 0 to 4", fix: "write \"ISK\": 2")
                    continue
                }
                overrides[currency] = digits
            }
            exponentTables[name] = base.overriding(name: name, with: overrides)
        }
    }

    /// Returns the members of the object at `pointer`, or reports it missing or mistyped.
    mutating func requireObject(_ value: JSONValue?, at pointer: JSONPointer, expecting content: String) -> JSONObject? {
        guard let value else {
            report(.invalidDocument, at: pointer, "\(pointer.tokens.last ?? "value") is missing", fix: "add an object with \(content)")
            return nil
        }
        guard let members = value.objectValue else {
            report(.typeMismatch, at: pointer, "expected an object but found \(value.typeName)", fix: "write an object with \(content)")
            return nil
        }
        return members
    }
}
