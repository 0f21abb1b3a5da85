import LedgerportSDK

/// The SHA-256 digest of a mapping document's canonical JSON, as lowercase hexadecimal.
///
/// The canonical JSON is ``JSONWriter``'s compact output, which sorts object
/// keys and writes numbers in one form, so formatting and key order do not
/// change the digest while any change of content does. The store computes the
/// same digest for the mapping versions it keeps.
package struct MappingDigest: Sendable, Hashable, CustomStringConvertible {
    package let hex: String

    package init(of document: JSONValue) {
        hex = MessageAuthentication.hex(MessageAuthentication.sha256(JSONWriter.bytes(document)))
    }

    package init(hex: String) {
        self.hex = hex
    }

    /// `sha256:<hex>`.
    package var description: String { "sha256:\(hex)" }
}

/// A mapping version as published: its name, version and digest.
package struct PublishedMappingVersion: Sendable, Hashable {
    package var name: String
    package var version: SemanticVersion
    package var digest: MappingDigest

    package init(name: String, version: SemanticVersion, digest: MappingDigest) {
        self.name = name
        self.version = version
        self.digest = digest
    }
}

/// A mapping whose content changed while its version did not.
package struct MappingVersionConflict: Error, Sendable, Hashable, CustomStringConvertible {
    package var name: String
    package var version: SemanticVersion
    package var publishedDigest: MappingDigest
    package var candidateDigest: MappingDigest

    package var failureClass: FailureClass { .configuration }

    package var description: String {
        "publish mapping \(name)@\(version): its content changed (\(candidateDigest)) but version \(version) "
            + "is already published with \(publishedDigest); published versions never change, so raise the version"
    }
}

extension Mapping {
    /// The mapping's name, version and digest.
    package var published: PublishedMappingVersion {
        PublishedMappingVersion(name: name, version: version, digest: digest)
    }

    /// Checks that publishing this mapping does not rewrite a published version.
    ///
    /// Publishing the same content again is allowed (it is the same version);
    /// different content under a published name and version throws ``MappingVersionConflict``.
    package func checkUnchanged(against published: some Sequence<PublishedMappingVersion>) throws(MappingVersionConflict) {
        for entry in published where entry.name == name && entry.version == version && entry.digest != digest {
            throw MappingVersionConflict(name: name, version: version, publishedDigest: entry.digest, candidateDigest: digest)
        }
    }
}
