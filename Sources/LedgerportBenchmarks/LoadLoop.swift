import CEpoll
import Foundation

/// Drives a share of a load's connections from one thread, with one level-triggered epoll instance.
///
/// Each turn sends the requests that are due, then waits for sockets to
/// become readable (or writable, while a request is only partly written) or
/// for the next due time, whichever comes first. One thread serves many
/// connections, so the generator costs few context switches next to the
/// server it measures on the same two cores.
final class LoadLoop {
    private let connections: [LoadConnection]
    private let deadline: UInt64
    private let epoll: Int32
    private var registered: [UInt32]

    /// Creates a loop over `connections` that sends no request at or after `deadline` (monotonic nanoseconds).
    init(connections: [LoadConnection], deadline: UInt64) {
        self.connections = connections
        self.deadline = deadline
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(epoll >= 0, "epoll_create1 failed: \(String(cString: strerror(errno)))")
        registered = Array(repeating: 0, count: connections.count)
    }

    deinit {
        close(epoll)
    }

    /// Runs until every connection has finished: the time is up and the last response arrived, or it failed.
    func run() -> [LoadConnection.Result] {
        var events = [epoll_event](repeating: epoll_event(), count: max(16, connections.count))
        while true {
            let now = ProcessResources.monotonicNanoseconds()
            guard let earliest = sendDueRequests(now: now) else {
                break
            }
            let ready = wait(into: &events, until: earliest, now: now)
            let arrived = ProcessResources.monotonicNanoseconds()
            for event in events.prefix(ready) {
                let offset = Int(event.data.u64)
                connections[offset].socketReady(at: arrived)
                updateInterest(of: offset)
            }
        }
        return connections.map(\.result)
    }

    /// Sends every due request and returns the earliest due time still ahead (`UInt64.max` when none), or nil when all have finished.
    private func sendDueRequests(now: UInt64) -> UInt64? {
        var earliest = UInt64.max
        var unfinished = 0
        for (offset, connection) in connections.enumerated() {
            if connection.phase == .idle {
                if connection.nextDue <= now {
                    connection.send(now: now, deadline: deadline)
                    updateInterest(of: offset)
                } else {
                    earliest = min(earliest, connection.nextDue)
                }
            }
            if connection.phase != .finished {
                unfinished += 1
            }
        }
        return unfinished == 0 ? nil : earliest
    }

    /// Waits for ready sockets or for `earliest` (monotonic nanoseconds) and returns how many events it filled.
    private func wait(into events: inout [epoll_event], until earliest: UInt64, now: UInt64) -> Int {
        var timeout = timespec()
        let hasTimeout = earliest != UInt64.max
        if hasTimeout {
            let remaining = earliest > now ? earliest - now : 0
            timeout = timespec(tv_sec: Int(remaining / 1_000_000_000), tv_nsec: Int(remaining % 1_000_000_000))
        }
        let capacity = Int32(events.count)
        let ready = events.withUnsafeMutableBufferPointer { buffer in
            withUnsafePointer(to: &timeout) { pointer in
                epoll_pwait2(epoll, buffer.baseAddress, capacity, hasTimeout ? pointer : nil, nil)
            }
        }
        return max(0, Int(ready))
    }

    /// Registers the socket of connection `offset` for what it waits on: reading, also writing, or nothing once finished.
    private func updateInterest(of offset: Int) {
        let connection = connections[offset]
        guard connection.socket >= 0 else {
            return
        }
        let interest: UInt32 =
            switch connection.phase {
            case .finished: 0
            case .idle: EPOLLIN.rawValue
            case .waiting: connection.wantsToWrite ? EPOLLIN.rawValue | EPOLLOUT.rawValue : EPOLLIN.rawValue
            }
        let current = registered[offset]
        guard interest != current else {
            return
        }
        var event = epoll_event()
        event.events = interest
        event.data.u64 = UInt64(offset)
        let operation = current == 0 ? EPOLL_CTL_ADD : (interest == 0 ? EPOLL_CTL_DEL : EPOLL_CTL_MOD)
        _ = epoll_ctl(epoll, operation, connection.socket, &event)
        registered[offset] = interest
    }
}
