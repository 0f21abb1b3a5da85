import Foundation
import LedgerportDemo
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `tenants`: resident memory per idle tenant with many tenants loaded.
///
/// Each tenant is provisioned as the demo provisions one: Stripe and Odoo
/// connections with sealed secrets, and six flows whose mappings went
/// through approved change requests. The reading happens in a new process
/// (`ledgerport-bench tenants-load`), so that memory the provisioning used
/// and freed does not hide the growth: that process opens the runtime on
/// the same data folder, loads one tenant to warm up, reads `VmRSS`, then
/// loads every other tenant into the runtime's caches (tenant directory,
/// one built connector per connection, routed flows, compiled mappings),
/// stays idle for `seconds`, and reads `VmRSS` again.
struct TenantsScenario {
    /// The knobs of the scenario.
    struct Options: Sendable {
        /// How long the loaded process stays idle before its memory is read, in seconds.
        var seconds = 2.0
        /// Tenants to load.
        var tenants = 10_000
        /// The data folder; one with enough tenants already is reused, so repeated runs skip provisioning.
        var folder: String?
        /// The `ledgerport-bench` executable that reads the memory.
        var benchExecutable = BenchExecutables.bench
        /// Tenants provisioned at once.
        var concurrency = 16
    }

    /// The options the scenario runs with.
    let options: Options

    /// Provisions what is missing, then reads the memory of a process with every tenant loaded.
    func run() async throws -> BenchReport {
        var report = BenchReport(scenario: "tenants")
        report.set("load_average_start", ProcessResources.loadAverage() ?? 0, decimals: 2)
        let bench = try await BenchRuntime.open(folder: options.folder, synchronous: "normal")
        let folder = bench.folder
        let provisioning: (created: Int, seconds: Double)
        do {
            provisioning = try await provisionMissing(bench)
        } catch {
            await bench.close()
            bench.remove()
            throw error
        }
        await bench.close()
        defer { bench.remove() }

        let reading = try await TenantMemoryReader.readInChild(executable: options.benchExecutable, folder: folder, tenants: options.tenants, seconds: options.seconds)
        report.set("tenants", .integer(reading.tenants))
        report.set("tenants_provisioned_now", .integer(provisioning.created))
        report.set("provision_seconds", provisioning.seconds, decimals: 1)
        report.set("load_seconds", reading.loadSeconds, decimals: 2)
        report.set("rss_baseline_bytes", .integer(reading.baselineBytes))
        report.set("rss_loaded_bytes", .integer(reading.loadedBytes))
        report.set("bytes_per_tenant", .integer(reading.bytesPerTenant))
        report.set("kib_per_tenant", Double(reading.bytesPerTenant) / 1024, decimals: 1)
        report.set("connectors_built", .integer(reading.connectorsBuilt))
        report.set("flows_routed", .integer(reading.flowsRouted))
        report.set("mappings_compiled", .integer(reading.mappingsCompiled))
        report.set("seconds", options.seconds, decimals: 1)
        report.set("load_average_end", ProcessResources.loadAverage() ?? 0, decimals: 2)
        return report
    }

    /// Provisions tenants `tenant-<n>` until the store has `tenants` of them, `concurrency` at a time.
    private func provisionMissing(_ bench: BenchRuntime) async throws -> (created: Int, seconds: Double) {
        let start = ProcessResources.monotonicNanoseconds()
        let existing = Set(try await bench.runtime.store.tenants().map(\.slug))
        let missing = (0..<options.tenants).map(Self.slug).filter { !existing.contains($0) }
        for wave in stride(from: 0, to: missing.count, by: options.concurrency) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for slug in missing[wave..<min(wave + options.concurrency, missing.count)] {
                    group.addTask {
                        _ = try await bench.provisionTenant(slug: slug, odoo: BenchRuntime.unusedOdoo, reloadsRouter: false)
                    }
                }
                try await group.waitForAll()
            }
        }
        return (missing.count, Double(ProcessResources.monotonicNanoseconds() - start) / 1e9)
    }

    /// Returns the slug of the `number`-th bench tenant.
    static func slug(_ number: Int) -> String {
        "tenant-\(number)"
    }
}
