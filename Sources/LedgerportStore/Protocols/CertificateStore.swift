import LedgerportSDK

/// Certificates of connector versions. Platform methods: certificates are not owned by a tenant.
package protocol CertificateStore: Sendable {
    /// Records a certificate, and audits it on the platform chain as `certificate.recorded`.
    /// - Throws: ``StoreError`` `already_exists` for the same connector version and build digest.
    func recordCertificate(_ certificate: NewCertificate, actor: String) async throws -> Certificate

    /// Lists the certificates of a connector, of one version or all, newest first.
    func certificates(connectorID: String, version: SemanticVersion?) async throws -> [Certificate]
}
