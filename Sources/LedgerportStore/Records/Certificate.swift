import Foundation
import LedgerportSDK

/// The signed result of running the certification suite on one connector version. Not owned by a tenant.
package struct Certificate: Sendable, Hashable {
    package let id: CertificateID
    package let connectorID: String
    package let connectorVersion: SemanticVersion
    /// SHA-256 of the connector spec, lowercase hexadecimal.
    package let specDigest: String
    /// SHA-256 of the built connector, lowercase hexadecimal.
    package let buildDigest: String
    package let result: CertificationResult
    /// The suite's report.
    package let report: JSONValue
    /// The signature over the certificate's fields, made by the certification module.
    package let signature: [UInt8]
    package let issuedAt: Date

    package init(
        id: CertificateID, connectorID: String, connectorVersion: SemanticVersion, specDigest: String, buildDigest: String,
        result: CertificationResult, report: JSONValue, signature: [UInt8], issuedAt: Date
    ) {
        self.id = id
        self.connectorID = connectorID
        self.connectorVersion = connectorVersion
        self.specDigest = specDigest
        self.buildDigest = buildDigest
        self.result = result
        self.report = report
        self.signature = signature
        self.issuedAt = issuedAt
    }
}

/// Whether the certification suite passed.
package enum CertificationResult: String, Sendable, Hashable, CaseIterable, Codable {
    case passed
    case failed
}

/// The fields of a certificate to record; the store assigns the id and issue time.
package struct NewCertificate: Sendable, Hashable {
    package var connectorID: String
    package var connectorVersion: SemanticVersion
    package var specDigest: String
    package var buildDigest: String
    package var result: CertificationResult
    package var report: JSONValue
    package var signature: [UInt8]

    package init(
        connectorID: String, connectorVersion: SemanticVersion, specDigest: String, buildDigest: String,
        result: CertificationResult, report: JSONValue, signature: [UInt8]
    ) {
        self.connectorID = connectorID
        self.connectorVersion = connectorVersion
        self.specDigest = specDigest
        self.buildDigest = buildDigest
        self.result = result
        self.report = report
        self.signature = signature
    }
}
