import LedgerportSDK

/// The SHA-256 digest of a mapping document's canonical JSON, as lowercase hexadecimal.
///
/// The canonical JSON is ``JSONWriter``'s compact output, which sorts object
/// keys and writes numbers in one form, so formatting and key order do not
/// change the digest while any change of content does. The store computes the
/// same digest for the mapping versions it keeps.
package struct MappingDigest: Sendable, Hashable, CustomStringConvertible {
    /// The digest as 64 lowercase hexadecimal digits.
    package let hex: String

    /// Computes the digest of a document's canonical JSON.
    package init(of document: JSONValue) {
        hex = MessageAuthentication.hex(MessageAuthentication.sha256(JSONWriter.bytes(document)))
    }

    /// Wraps a digest read back from storage.
    package init(hex: String) {
        self.hex = hex
    }

    /// `sha256:<hex>`.
    package var description: String { "sha256:\(hex)" }
}

/// A mapping version as published: its name, version and digest.
package struct PublishedMappingVersion: Sendable, Hashable {
    /// The mapping name.
    package var name: String
    /// The published version.
    package var version: SemanticVersion
    /// The digest of the published content.
    package var digest: MappingDigest

    /// Creates the record of a published version.
    package init(name: String, version: SemanticVersion, digest: MappingDigest) {
        self.name = name
        self.version = version
        self.digest = digest
    }
}

/// A mapping whose content changed while its version did not.
package struct MappingVersionConflict: Error, Sendable, Hashable, CustomStringConvertible {
    /// The mapping name.
    package var name: String
    /// The version published twice.
    package var version: SemanticVersion
    /// The digest of the content already published.
    package var publishedDigest: MappingDigest
    /// The digest of the new content.
    package var candidateDigest: MappingDigest

    /// A configuration failure: a person raises the version.
    package var failureClass: FailureClass { .configuration }

    /// The message with both digests and the fix.
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
