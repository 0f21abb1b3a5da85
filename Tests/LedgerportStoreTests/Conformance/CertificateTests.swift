import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct CertificateTests {
    private func certificate(build: String) -> NewCertificate {
        NewCertificate(
            connectorID: "stripe", connectorVersion: SemanticVersion(major: 1, minor: 2, patch: 0), specDigest: "aa", buildDigest: build,
            result: .passed, report: ["checks": 42], signature: [9, 9, 9])
    }

    @Test(arguments: StoreFactory.all)
    func record_listsAndAuditsOnPlatformChain(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let recorded = try await store.recordCertificate(certificate(build: "b1"), actor: "certifier")

            let listed = try await store.certificates(connectorID: "stripe", version: SemanticVersion(major: 1, minor: 2, patch: 0))
            let audit = try await store.auditEntries(scope: .platform, after: 0, limit: 10)

            #expect(listed == [recorded])
            #expect(recorded.report == ["checks": 42])
            #expect(audit.map(\.action) == ["certificate.recorded"])
            #expect(audit.map(\.subjectID) == ["stripe@1.2.0"])
            #expect(try await store.certificates(connectorID: "hubspot", version: nil).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func sameBuildTwice_isRejected(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            _ = try await store.recordCertificate(certificate(build: "b1"), actor: "certifier")

            let error = await #expect(throws: StoreError.self) { try await store.recordCertificate(certificate(build: "b1"), actor: "certifier") }

            #expect(error?.code == .alreadyExists)
            #expect(try await store.certificates(connectorID: "stripe", version: nil).count == 1)
        }
    }
}
