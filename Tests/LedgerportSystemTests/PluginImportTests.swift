import Foundation
import Testing

/// The layering rule for connectors: every file under `Plugins/` imports only `LedgerportSDK`, besides the toolchain's own modules.
@Suite struct PluginImportTests {
    /// The toolchain's modules a plugin may use; every project module reaches a plugin through the SDK.
    private static let toolchainModules: Set<String> = ["Foundation", "FoundationEssentials", "Dispatch"]

    @Test func pluginSources_importOnlyTheSDK() throws {
        let plugins = Checkout.root + "/Plugins"
        let files = try #require(FileManager.default.enumerator(atPath: plugins)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)

        for file in files {
            let text = try String(contentsOfFile: plugins + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.contains(" import ") && line.hasPrefix("@") {
                let module = String(line.split(separator: " ").last ?? "")
                #expect(
                    module == "LedgerportSDK" || Self.toolchainModules.contains(module),
                    "Plugins/\(file) imports \(module); a plugin imports only LedgerportSDK, so move what it needs into the SDK")
            }
        }
    }

    @Test func pluginTargets_dependOnlyOnTheSDK() throws {
        let manifest = try String(contentsOfFile: Checkout.root + "/Package.swift", encoding: .utf8)
        for plugin in ["StripeConnector", "HubSpotConnector", "OdooConnector"] {
            let declaration = "name: \"\(plugin)\",\n            dependencies: [\"LedgerportSDK\"],\n            path: \"Plugins/\(plugin)\""
            #expect(manifest.contains(declaration), "Package.swift: target \(plugin) should depend on LedgerportSDK alone")
        }
    }
}
