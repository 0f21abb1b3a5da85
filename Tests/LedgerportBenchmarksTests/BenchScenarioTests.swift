@testable import LedgerportBenchmarks
import Testing

/// Every `ledgerport-bench` scenario run in its smallest configuration, so the bench keeps working as the runtime changes.
///
/// The tests check that a scenario runs to the end and reports consistent
/// fields; they never check a speed. Each `--seconds` is an upper bound on a
/// phase that ends as soon as its few records are done. The deliver and
/// replay scenarios start `ledgerport sandbox odoo`, and the tenants scenario
/// starts `ledgerport-bench tenants-load`, from the build folder.
@Suite(.serialized) struct BenchScenarioTests {
    private func run(_ arguments: [String]) async throws -> BenchReport {
        try await BenchMain.runScenario(BenchCommandLine(arguments, scenarios: BenchMain.scenarioOptions))
    }

    private func integer(_ report: BenchReport, _ name: String) -> Int? {
        if case .integer(let value) = report[name] { value } else { nil }
    }

    private func decimal(_ report: BenchReport, _ name: String) -> Double? {
        if case .decimal(let value, _) = report[name] { value } else { nil }
    }

    @Test func ingest_storesEventsWithDeliveries() async throws {
        let report = try await run(["ingest", "--seconds", "0.2", "--connections", "2"])

        #expect(try #require(decimal(report, "events_per_second")) > 0)
        #expect(try #require(decimal(report, "noop_events_per_second")) > 0)
        #expect(try #require(decimal(report, "paced_events_per_second")) > 0)
        #expect(try #require(decimal(report, "p99_ms")) >= (decimal(report, "p50_ms") ?? .infinity))
        #expect(integer(report, "failed_requests") == 0)
        #expect(integer(report, "events_duplicate") == 0)
        #expect(try #require(integer(report, "events_stored")) > 0)
        #expect(integer(report, "deliveries_created") == integer(report, "events_stored"))
        #expect(report["deliveries_were_created"] == .flag(true))
        #expect(report["synchronous"] == .text("full"))
        #expect(report["ids"] == .text("sequential"))
        #expect(try #require(decimal(report, "host_calibration_ms")) > 0)
    }

    @Test func ingest_scatteredIDs_storesEachOnce() async throws {
        let report = try await run(["ingest", "--seconds", "0.2", "--connections", "2", "--ids", "scattered"])

        #expect(report["ids"] == .text("scattered"))
        #expect(integer(report, "failed_requests") == 0)
        #expect(integer(report, "events_duplicate") == 0)
        #expect(try #require(integer(report, "events_stored")) > 0)
    }

    @Test func scenarioHelp_printsUsage() async {
        #expect(await BenchMain.run(["ingest", "--help"]) == 0)
        #expect(await BenchMain.run(["tenants", "-h"]) == 0)
    }

    @Test func ingest_unknownIDOrder_isRejected() async {
        await #expect(throws: BenchUsageError.self) {
            _ = try await run(["ingest", "--ids", "random"])
        }
    }

    @Test func deliver_writesEveryRecordInEachPhase() async throws {
        let report = try await run(["deliver", "--seconds", "120", "--records", "3", "--batch-size", "2"])

        #expect(integer(report, "runtime_records") == 3)
        #expect(report["runtime_not_delivered"] == nil)
        #expect(integer(report, "runtime_one_by_one_records") == 3)
        #expect(integer(report, "connector_one_by_one_records") == 3)
        #expect(integer(report, "connector_batched_records") == 3)
        #expect(try #require(decimal(report, "runtime_cpu_us_per_record")) > 0)
        #expect(try #require(decimal(report, "runtime_sandbox_cpu_us_per_record")) >= 0)
        #expect(integer(report, "delivery_batch_size") == 100)
        #expect(report["sandbox"] == .text("child"))
        #expect(try #require(decimal(report, "host_calibration_ms")) > 0)
    }

    @Test func deliver_runsOnlyTheChosenPhases() async throws {
        let report = try await run(["deliver", "--seconds", "120", "--records", "2", "--phases", "runtime-one-by-one"])

        #expect(integer(report, "runtime_one_by_one_records") == 2)
        #expect(report["runtime_records"] == nil)
        #expect(report["connector_batched_records"] == nil)
    }

    @Test func replay_deliversEveryParkedDelivery() async throws {
        let report = try await run(["replay", "--seconds", "120", "--dead-letters", "3"])

        #expect(integer(report, "dead_letters") == 3)
        #expect(integer(report, "replayed") == 3)
        #expect(integer(report, "delivered") == 3)
        #expect(integer(report, "not_delivered") == 0)
        #expect(try #require(decimal(report, "replay_total_seconds")) >= (decimal(report, "replay_mark_seconds") ?? .infinity))
    }

    @Test func tenants_loadsEveryTenantInAChildProcess() async throws {
        let report = try await run(["tenants", "--seconds", "0.1", "--tenants", "2"])

        #expect(integer(report, "tenants") == 2)
        #expect(integer(report, "tenants_provisioned_now") == 2)
        #expect(integer(report, "connectors_built") == 4)
        #expect(integer(report, "flows_routed") == 12)
        #expect(integer(report, "mappings_compiled") == 12)
        #expect(try #require(integer(report, "rss_baseline_bytes")) > 0)
        #expect(try #require(integer(report, "rss_loaded_bytes")) > 0)
    }

    @Test func json_timesEachPart() async throws {
        let report = try await run(["json", "--seconds", "0.05", "--event", "008-customer.created.json"])

        #expect(integer(report, "body_bytes") == 1594)
        #expect(try #require(decimal(report, "parse_us")) > 0)
        #expect(try #require(decimal(report, "write_us")) > 0)
        #expect(try #require(decimal(report, "read_us")) > 0)
        #expect(try #require(integer(report, "reads")) >= 500)
    }

    @Test func json_namesAMissingEvent() async {
        await #expect(throws: BenchError.self) {
            try await run(["json", "--seconds", "0.05", "--event", "999-missing.json"])
        }
    }

    @Test func commandLine_rejectsUnknownOption() {
        #expect(throws: BenchUsageError.self) {
            try BenchCommandLine(["ingest", "--records", "5"], scenarios: BenchMain.scenarioOptions)
        }
        #expect(throws: BenchUsageError.self) {
            try BenchCommandLine(["unknown"], scenarios: BenchMain.scenarioOptions)
        }
    }
}
