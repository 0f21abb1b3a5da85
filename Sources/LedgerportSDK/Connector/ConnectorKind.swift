/// Whether a connector reads events from a system or writes records into one.
public enum ConnectorKind: String, Codable, Sendable, Hashable, CaseIterable {
    case source
    case target
}
