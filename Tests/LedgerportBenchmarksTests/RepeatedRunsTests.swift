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
        let commandLine = try BenchCommandLine(["json", "--seconds", "0.05", "--runs", "3"], scenarios: BenchMain.scenarioOptions)
        let runs = RunCounter()

        // The scenario is a stand-in, because a real one blocks a thread of the test process for seconds and other tests wait for it.
        let report = try await BenchMain.runRepeatedly(commandLine) { line in
            var report = BenchReport(scenario: line.scenario)
            report.set("parse_us", Double(runs.next() * 10), decimals: 2)
            return report
        }

        #expect(report["runs"] == .integer(3))
        #expect(report.eachRun.count == 3)
        #expect(report["parse_us"] == .decimal(20, decimals: 2))
    }

    @Test func commandLine_runsBelowOne_isRejected() async throws {
        let commandLine = try BenchCommandLine(["json", "--runs", "0"], scenarios: BenchMain.scenarioOptions)
        await #expect(throws: BenchUsageError.self) {
            _ = try await BenchMain.runRepeatedly(commandLine)
        }
    }
}

/// Counts the runs of a stand-in scenario.
private final class RunCounter: @unchecked Sendable {
    private var count = 0

    /// Returns the number of this run, from 1.
    func next() -> Int {
        count += 1
        return count
    }
}
