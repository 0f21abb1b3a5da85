import Foundation
import LedgerportHTTPServer
import LedgerportLog

// Compares the ways an HTTPServer handler can respond, on loopback:
//   immediate  the handler responds before it returns (no suspension)
//   deferred   the handler queues the responder for one writer thread that responds in batches
//              (as a group-commit writer would), so every request is suspended and resumed
//   async      one task per request (HTTPServerHandler.async), suspended and resumed
//
// Usage: LedgerportHTTPBench [--seconds N] [--connections N] [--threads N] [--body-bytes N]

func option(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let parsed = Int(arguments[index + 1]) else {
        return value
    }
    return parsed
}

let seconds = Double(option("--seconds", default: 3))
let connections = option("--connections", default: 16)
let threads = option("--threads", default: 2)
let body = [UInt8](repeating: UInt8(ascii: "x"), count: option("--body-bytes", default: 256))

let batcher = BenchBatcher()
let scenarios: [(String, HTTPServerHandler)] = [
    ("immediate", .immediate { _, responder in responder.respond(HTTPServerResponse(status: 200, body: Array("ok".utf8))) }),
    ("deferred", .immediate { _, responder in batcher.enqueue(responder) }),
    ("async", .async { _ in HTTPServerResponse(status: 200, body: Array("ok".utf8)) }),
]

print("scenario   requests/s  failed  (\(threads) server threads, \(connections) connections, \(body.count) B bodies, \(Int(seconds)) s)")
for (name, handler) in scenarios {
    let server = HTTPServer(configuration: HTTPServerConfiguration(threadCount: threads), logger: .disabled, handler: handler)
    try server.start()
    let generator = LoadGenerator(port: server.port ?? 0, connections: connections, seconds: seconds, body: body)
    let (succeeded, failed) = generator.run()
    await server.stop()
    let rate = Int(Double(succeeded) / seconds)
    print(name.padding(toLength: 10, withPad: " ", startingAt: 0), String(rate).leftPadded(11), String(failed).leftPadded(7))
}

extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
