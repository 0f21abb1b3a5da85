@testable import LedgerportBenchmarks
import LedgerportSDK
import Testing

/// `--runs N`: the medians of several runs of a scenario, and each run kept beside them.
@Suite struct RepeatedRunsTests {
    private func report(_ fields: [(String, BenchReport.Value)]) -> BenchReport {
        var report = BenchReport(scenario: "ingest")
        for (name, value) in fields {
            report.set(name, value)
        }
        return report
    }

    @Test func oddCount_takesTheMiddleValueOfEachField() {
        let combined = RepeatedRuns.median(of: [
            report([("events_per_second", .decimal(19_000, decimals: 0)), ("commits", .integer(10))]),
            report([("events_per_second", .decimal(21_000, decimals: 0)), ("commits", .integer(30))]),
            report([("events_per_second", .decimal(20_000, decimals: 0)), ("commits", .integer(20))]),
        ])

        #expect(combined["events_per_second"] == .decimal(20_000, decimals: 0))
        #expect(combined["commits"] == .integer(20))
        #expect(combined["runs"] == .integer(3))
        #expect(combined.eachRun.count == 3)
    }

    @Test func evenCount_takesTheMeanOfTheMiddleTwo() {
        let combined = RepeatedRuns.median(of: [
            report([("p99_ms", .decimal(4.0, decimals: 3)), ("commits", .integer(10))]),
            report([("p99_ms", .decimal(9.0, decimals: 3)), ("commits", .integer(13))]),
            report([("p99_ms", .decimal(5.0, decimals: 3)), ("commits", .integer(11))]),
            report([("p99_ms", .decimal(1.0, decimals: 3)), ("commits", .integer(40))]),
        ])

        #expect(combined["p99_ms"] == .decimal(4.5, decimals: 3))
        #expect(combined["commits"] == .integer(12))
    }

    @Test func wordsAndFlags_reportEveryDistinctWordAndYesOnlyWhenAllSayYes() {
        let combined = RepeatedRuns.median(of: [
            report([("sandbox", .text("child")), ("deliveries_were_created", .flag(true))]),
            report([("sandbox", .text("child")), ("deliveries_were_created", .flag(false))]),
            report([("sandbox", .text("in-process")), ("deliveries_were_created", .flag(true))]),
        ])

        #expect(combined["sandbox"] == .text("child,in-process"))
        #expect(combined["deliveries_were_created"] == .flag(false))
    }

    @Test func fieldOfSomeRunsOnly_takesTheMedianOfThoseRuns() {
        let combined = RepeatedRuns.median(of: [
            report([("events_per_second", .decimal(10, decimals: 0))]),
            report([("events_per_second", .decimal(30, decimals: 0)), ("runtime_not_delivered", .integer(2))]),
        ])

        #expect(combined["events_per_second"] == .decimal(20, decimals: 0))
        #expect(combined["runtime_not_delivered"] == .integer(2))
    }

    @Test func json_holdsTheMediansAtTheTopAndEachRunBelow() throws {
        let combined = RepeatedRuns.median(of: [
            report([("events_per_second", .decimal(10, decimals: 0))]),
            report([("events_per_second", .decimal(30, decimals: 0))]),
        ])

        let json = combined.json
        #expect(json["events_per_second"] == .number(JSONNumber(20)))
        #expect(json["runs"] == .number(JSONNumber(2)))
        let runs = try #require(json["each_run"]?.arrayValue)
        #expect(runs.map { $0["events_per_second"] } == [.number(JSONNumber(10)), .number(JSONNumber(30))])
        #expect(combined.text.contains("run 2 of 2"))
    }

    @Test func commandLine_runsTheScenarioThatManyTimes() async throws {
        let commandLine = try BenchCommandLine(["json", "--seconds", "0.05", "--runs", "2"], scenarios: BenchMain.scenarioOptions)
        let report = try await BenchMain.runRepeatedly(commandLine)

        #expect(report["runs"] == .integer(2))
        #expect(report.eachRun.count == 2)
        #expect(report.eachRun.allSatisfy { $0["parse_us"] != nil })
    }

    @Test func commandLine_runsBelowOne_isRejected() async throws {
        let commandLine = try BenchCommandLine(["json", "--runs", "0"], scenarios: BenchMain.scenarioOptions)
        await #expect(throws: BenchUsageError.self) {
            _ = try await BenchMain.runRepeatedly(commandLine)
        }
    }
}
