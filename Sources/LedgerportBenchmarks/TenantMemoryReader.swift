import Foundation
import LedgerportChildProcess
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// Loads provisioned tenants into a runtime's caches and reads how much resident memory they take.
///
/// ``readInChild(executable:folder:tenants:seconds:)`` runs the reading in
/// a new `ledgerport-bench tenants-load` process and parses its JSON;
/// ``read(folder:tenants:seconds:)`` is what that process runs.
enum TenantMemoryReader {
    /// The memory of a runtime with `tenants` tenants loaded.
    struct Reading: Sendable {
        /// The tenants loaded, the warm-up one included.
        var tenants: Int
        /// The time to load every tenant after the first, in seconds.
        var loadSeconds: Double
        /// `VmRSS` with the runtime open and one tenant loaded.
        var baselineBytes: Int
        /// `VmRSS` with every tenant loaded, after the idle time.
        var loadedBytes: Int
        /// Connectors built by the runtime's connector cache.
        var connectorsBuilt: Int
        /// Flows in the runtime's routing table.
        var flowsRouted: Int
        /// Mapping versions looked up in the runtime's catalog, one per routed flow.
        var mappingsCompiled: Int

        /// The growth per tenant loaded after the first.
        var bytesPerTenant: Int {
            tenants > 1 ? (loadedBytes - baselineBytes) / (tenants - 1) : 0
        }
    }

    /// The hidden scenario that a child process runs.
    static let childScenario = "tenants-load"

    /// Runs `executable tenants-load` on `folder` and returns what it read.
    static func readInChild(executable: String, folder: String, tenants: Int, seconds: Double) async throws -> Reading {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchError(
                "read tenant memory: \"\(executable)\" is not an executable",
                hint: "build it with `swift build -c release --product ledgerport-bench`"
            )
        }
        let output = Pipe()
        let process = try ChildProcess.spawn(
            executable, arguments: [childScenario, "--data", folder, "--tenants", String(tenants), "--seconds", String(seconds), "--json"],
            standardOutput: output.fileHandleForWriting, standardError: FileHandle.standardError)
        // The child has its own copy of the write end; closing this one lets the read below end.
        try output.fileHandleForWriting.close()
        let bytes = await readToEnd(output.fileHandleForReading)
        await process.exited()

        guard process.terminationStatus == 0, let json = try? JSONParser.parse(bytes) else {
            throw BenchError("read tenant memory: `\(executable) \(childScenario)` exited with status \(process.terminationStatus)")
        }
        return Reading(
            tenants: json["tenants"]?.intValue ?? 0, loadSeconds: json["load_seconds"]?.numberValue?.doubleValue ?? 0,
            baselineBytes: json["rss_baseline_bytes"]?.intValue ?? 0, loadedBytes: json["rss_loaded_bytes"]?.intValue ?? 0,
            connectorsBuilt: json["connectors_built"]?.intValue ?? 0, flowsRouted: json["flows_routed"]?.intValue ?? 0,
            mappingsCompiled: json["mappings_compiled"]?.intValue ?? 0
        )
    }

    /// Opens the runtime on `folder`, loads tenants `tenant-0` to `tenant-<tenants-1>` and reads the memory.
    static func read(folder: String, tenants: Int, seconds: Double) async throws -> BenchReport {
        let bench = try await BenchRuntime.open(folder: folder, synchronous: "normal")
        let runtime = bench.runtime
        var loaded = LoadCounts()
        do {
            try await warmUp(TenantsScenario.slug(0), runtime: runtime, counts: &loaded)
            let baseline = ProcessResources.residentBytes() ?? 0
            let start = ProcessResources.monotonicNanoseconds()
            try await runtime.router.reload()
            for number in 1..<max(tenants, 1) {
                try await load(TenantsScenario.slug(number), into: runtime, counts: &loaded)
            }
            let loadSeconds = Double(ProcessResources.monotonicNanoseconds() - start) / 1e9
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            let reading = Reading(
                tenants: tenants, loadSeconds: loadSeconds, baselineBytes: baseline, loadedBytes: ProcessResources.residentBytes() ?? 0,
                connectorsBuilt: loaded.connectors, flowsRouted: runtime.router.allFlows.count, mappingsCompiled: loaded.mappings
            )
            await bench.close()
            return report(reading)
        } catch {
            await bench.close()
            throw error
        }
    }

    /// How many connectors and mappings loading built.
    private struct LoadCounts {
        var connectors = 0
        var mappings = 0
    }

    /// Loads one tenant the way its first webhook and first delivery would: tenant, both connectors, its flows' mappings.
    private static func load(_ slug: String, into runtime: Runtime, counts: inout LoadCounts) async throws {
        let tenant = try await runtime.tenants.tenant(slug: slug)
        let stripe = ConnectionID(rawValue: "stripe-main")
        _ = try await runtime.connectors.source(tenant: tenant.id, connection: stripe)
        _ = try await runtime.connectors.target(tenant: tenant.id, connection: ConnectionID(rawValue: "odoo-main"))
        counts.connectors += 2
        for route in runtime.router.routes(tenant: tenant.id, sourceConnection: stripe) {
            _ = try await runtime.mappings.mapping(route.mapping, tenant: tenant.id)
            counts.mappings += 1
        }
    }

    /// Loads the first tenant, finding its mappings through the store because the router is not loaded yet.
    ///
    /// It runs every code path of loading once before the baseline reading, so the growth after it is the tenants' alone.
    private static func warmUp(_ slug: String, runtime: Runtime, counts: inout LoadCounts) async throws {
        try await load(slug, into: runtime, counts: &counts)
        let tenant = try await runtime.tenants.tenant(slug: slug)
        for flow in try await runtime.store.flows(tenant: tenant.id, environment: nil) {
            let activation = try await runtime.store.activeMappingVersion(mapping: flow.mappingID, environment: flow.environment, tenant: tenant.id)
            if let activation {
                _ = try await runtime.mappings.mapping(activation.mapping, tenant: tenant.id)
                counts.mappings += 1
            }
        }
    }

    private static func report(_ reading: Reading) -> BenchReport {
        var report = BenchReport(scenario: childScenario)
        report.set("tenants", .integer(reading.tenants))
        report.set("load_seconds", reading.loadSeconds, decimals: 3)
        report.set("rss_baseline_bytes", .integer(reading.baselineBytes))
        report.set("rss_loaded_bytes", .integer(reading.loadedBytes))
        report.set("connectors_built", .integer(reading.connectorsBuilt))
        report.set("flows_routed", .integer(reading.flowsRouted))
        report.set("mappings_compiled", .integer(reading.mappingsCompiled))
        return report
    }

    /// Reads a pipe until it closes, on a dedicated thread because the reads block.
    private static func readToEnd(_ handle: FileHandle) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Array(handle.readDataToEndOfFile()))
            }
            thread.name = "bench-child-output"
            thread.start()
        }
    }
}
