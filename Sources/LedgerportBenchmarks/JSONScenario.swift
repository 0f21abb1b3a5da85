import Foundation
import LedgerportDemoData
import LedgerportSDK

/// `json`: the CPU time of parsing, writing and reading one recorded Stripe webhook body.
///
/// Every delivery parses its event's payload, builds JSON for the
/// canonical event and the target's request, and reads members out of
/// them. These three costs show what a change to ``JSONValue`` is worth
/// without the noise of a whole delivery. Each part runs on this thread
/// for `seconds` and reports its thread CPU time per operation.
struct JSONScenario {
    /// The knobs of the scenario.
    struct Options: Sendable {
        /// How long each of the three parts runs, in seconds.
        var seconds = 2.0
        /// The demo month's recording to measure, such as `034-invoice.payment_succeeded.json`.
        var event = "034-invoice.payment_succeeded.json"
    }

    /// The options the scenario runs with.
    let options: Options

    /// The members read in the reading part: three at the top and two inside `data.object`.
    static let readPaths: [[String]] = [["id"], ["type"], ["created"], ["data", "object", "id"], ["data", "object", "customer"]]

    /// Operations between two looks at the clock.
    private static let round = 100

    /// Parses, writes and reads the recording, each for `seconds`, and reports the time per operation.
    func run() async throws -> BenchReport {
        guard let folder = DemoResources.stripeMonthFolder else {
            throw BenchError("read the Stripe recordings: the bundled demo events are missing", hint: "rebuild the package")
        }
        let file = folder.appendingPathComponent(options.event)
        let body: [UInt8]
        do {
            body = Array(try Data(contentsOf: file))
        } catch {
            throw BenchError("read \(options.event): \(error.localizedDescription)", hint: "name a file of the demo month, such as 034-invoice.payment_succeeded.json")
        }
        let document = try JSONParser.parse(body)

        var report = BenchReport(scenario: "json")
        report.set("event", .text(options.event))
        report.set("body_bytes", .integer(body.count))
        report.set("host_calibration_ms", HostCalibration.milliseconds(), decimals: 1)

        var checksum = 0
        let parse = measure { checksum &+= (try? JSONParser.parse(body))?["id"] == nil ? 0 : 1 }
        let write = measure { checksum &+= JSONWriter.bytes(document).count }
        let read = measure {
            for path in Self.readPaths where Self.member(path, of: document) != nil {
                checksum &+= 1
            }
        }
        // The sum feeds a condition that is never true, so the compiler cannot remove the work.
        if checksum == Int.min { print(checksum) }

        report.set("parse_us", parse.microseconds, decimals: 2)
        report.set("write_us", write.microseconds, decimals: 2)
        report.set("read_us", read.microseconds / Double(Self.readPaths.count), decimals: 3)
        report.set("parses", .integer(parse.operations))
        report.set("writes", .integer(write.operations))
        report.set("reads", .integer(read.operations * Self.readPaths.count))
        return report
    }

    /// Runs `operation` in rounds until `seconds` of wall time have passed, and returns the thread CPU time per operation.
    private func measure(_ operation: () -> Void) -> (microseconds: Double, operations: Int) {
        let deadline = ProcessResources.monotonicNanoseconds() + UInt64(options.seconds * 1e9)
        let start = ProcessResources.threadCPUNanoseconds()
        var operations = 0
        repeat {
            for _ in 0..<Self.round {
                operation()
            }
            operations += Self.round
        } while ProcessResources.monotonicNanoseconds() < deadline
        let elapsed = ProcessResources.threadCPUNanoseconds() - start
        return (Double(elapsed) / 1000 / Double(operations), operations)
    }

    private static func member(_ path: [String], of document: JSONValue) -> JSONValue? {
        var current: JSONValue? = document
        for key in path {
            current = current?[key]
        }
        return current
    }
}
