/// What every connector implementation declares, whether it is a source or a target.
///
/// An implementation is bound to exactly one spec file,
/// `connector-specs/<id>/<version>.json`, by its ``id`` and ``version``. The
/// registry refuses to start when an implementation has no spec or a spec has
/// no implementation.
///
/// Lifecycle, for both kinds:
/// 1. **Configure and validate.** The runtime validates the connection's
///    configuration against the spec, then calls `init(configuration:context:)`.
///    The initializer checks what the spec cannot express (a URL's scheme, a
///    combination of fields) and throws a ``ConnectorError`` of class
///    ``FailureClass/configuration`` when something is wrong. It does no I/O.
///    One instance serves one connection and may live for the process's lifetime;
///    it is recreated when the configuration or a secret changes.
/// 2. **Check.** ``checkConnection()`` is called when a connection is created,
///    by `ledgerport connection check` and by certification. It may do I/O.
/// 3. **Work.** Source- or target-specific calls follow (see ``SourceConnector``
///    and ``TargetConnector``). They may be called concurrently from several
///    tasks, so an instance must be safe to share.
public protocol Connector: Sendable {
    /// The connector id, lowercase letters, digits and hyphens, such as `stripe`.
    static var id: String { get }
    /// The connector version, matching the spec file's name.
    static var version: SemanticVersion { get }
    static var kind: ConnectorKind { get }

    /// Creates an instance for one connection. Throws configuration errors only; does no I/O.
    init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError)

    /// Verifies that the peer is reachable and the credentials work.
    ///
    /// Returns a short description of the peer (for example `Odoo 17.0`).
    /// Throws ``FailureClass/configuration`` for bad credentials and
    /// ``FailureClass/transient`` when the peer cannot be reached.
    func checkConnection() async throws(ConnectorError) -> String
}
