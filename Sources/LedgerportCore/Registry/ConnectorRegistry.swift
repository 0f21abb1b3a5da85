import LedgerportSDK

/// The binding of each connector spec to its Swift implementation.
///
/// Built once at startup from the loaded specs and the one explicit list of
/// implementations (`BuiltinConnectors.all` in LedgerportConnectors). Building
/// fails, listing every problem, when a spec has no implementation, an
/// implementation has no spec, an `id@version` appears twice on either side,
/// or a spec and its implementation disagree on the kind. A process that
/// cannot build its registry must not start.
package struct ConnectorRegistry: Sendable {
    /// One connector version: its spec and the type implementing it.
    package struct Entry: Sendable {
        package let spec: LoadedSpec
        package let implementation: any Connector.Type

        /// The connector's `id@version`.
        package var reference: String {
            spec.reference
        }
    }

    /// Every connector version, sorted by id, then version.
    package let entries: [Entry]

    /// Binds specs to implementations by `id@version`.
    ///
    /// - Throws: ``ConnectorRegistryError`` with every mismatch found.
    package init(specs: [LoadedSpec], implementations: [any Connector.Type]) throws(ConnectorRegistryError) {
        var problems: [ConnectorRegistryError.Problem] = []
        let specsByReference = Dictionary(grouping: specs, by: \.reference)
        let implementationsByReference = Dictionary(grouping: implementations) { "\($0.id)@\($0.version)" }

        for (reference, group) in specsByReference where group.count > 1 {
            problems.append(.duplicateSpec(reference: reference, files: group.map(\.file).sorted()))
        }
        for (reference, group) in implementationsByReference where group.count > 1 {
            problems.append(.duplicateImplementation(reference: reference, typeNames: group.map { String(reflecting: $0) }.sorted()))
        }

        var entries: [Entry] = []
        for (reference, group) in specsByReference {
            let spec = group[0]
            guard let implementation = implementationsByReference[reference]?.first else {
                problems.append(.specWithoutImplementation(reference: reference, file: spec.file))
                continue
            }
            if implementation.kind != spec.spec.kind {
                problems.append(.kindMismatch(reference: reference, specKind: spec.spec.kind, implementationKind: implementation.kind))
            }
            entries.append(Entry(spec: spec, implementation: implementation))
        }
        for (reference, group) in implementationsByReference where specsByReference[reference] == nil {
            problems.append(.implementationWithoutSpec(reference: reference, typeName: String(reflecting: group[0])))
        }

        guard problems.isEmpty else {
            throw ConnectorRegistryError(problems: problems.sorted { $0.description < $1.description })
        }
        self.entries = entries.sorted { ($0.spec.spec.id, $0.spec.spec.version) < ($1.spec.spec.id, $1.spec.spec.version) }
    }

    /// Returns the entry of `id@version`, or nil when no such connector is registered.
    package func entry(id: String, version: SemanticVersion) -> Entry? {
        entries.first { $0.spec.spec.id == id && $0.spec.spec.version == version }
    }

    /// Returns every registered version of the connector `id`, oldest first.
    package func entries(id: String) -> [Entry] {
        entries.filter { $0.spec.spec.id == id }
    }
}

/// The mismatches between specs and implementations that keep a registry from being built.
package struct ConnectorRegistryError: Error, Sendable, CustomStringConvertible {
    /// One mismatch, with what to do about it.
    package enum Problem: Sendable, Hashable, CustomStringConvertible {
        case specWithoutImplementation(reference: String, file: String)
        case implementationWithoutSpec(reference: String, typeName: String)
        case duplicateSpec(reference: String, files: [String])
        case duplicateImplementation(reference: String, typeNames: [String])
        case kindMismatch(reference: String, specKind: ConnectorKind, implementationKind: ConnectorKind)

        package var description: String {
            switch self {
            case .specWithoutImplementation(let reference, let file):
                return "\(reference): spec \(file) has no implementation; add the connector type to BuiltinConnectors.all, or remove the spec"
            case .implementationWithoutSpec(let reference, let typeName):
                return "\(reference): implementation \(typeName) has no spec; add connector-specs/\(reference.replacingOccurrences(of: "@", with: "/")).json, or correct the type's id and version"
            case .duplicateSpec(let reference, let files):
                return "\(reference): defined by several specs (\(files.joined(separator: ", "))); keep one"
            case .duplicateImplementation(let reference, let typeNames):
                return "\(reference): implemented by several types (\(typeNames.joined(separator: ", "))); list one in BuiltinConnectors.all"
            case .kindMismatch(let reference, let specKind, let implementationKind):
                return "\(reference): the spec says \(specKind.rawValue) but the implementation is a \(implementationKind.rawValue) connector; correct \"kind\" in the spec or the type's protocol"
            }
        }
    }

    package let problems: [Problem]

    package var description: String {
        let noun = problems.count == 1 ? "problem" : "problems"
        return "bind connector specs to implementations: \(problems.count) \(noun)\n" + problems.map { "  - \($0.description)" }.joined(separator: "\n")
    }
}
