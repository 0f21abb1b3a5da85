import Foundation

/// The CPU time of this process's live threads, summed per thread name, from `/proc/self/task`.
///
/// Linux counts a thread's time in clock ticks (10 ms here), so a reading
/// is meaningful only over phases of seconds. A thread that ends between two
/// readings drops out of the second: the load generator's threads end with
/// their phase, so the difference of the process's CPU time and the threads
/// read here is the generator's share.
struct ThreadCPUTimes {
    /// CPU seconds, user and system, per thread name.
    private(set) var seconds: [String: Double] = [:]

    /// Reads every thread's time now; threads that cannot be read are skipped.
    static func read() -> ThreadCPUTimes {
        var times = ThreadCPUTimes()
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard ticksPerSecond > 0, let threads = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else {
            return times
        }
        for thread in threads {
            guard let stat = try? String(contentsOfFile: "/proc/self/task/\(thread)/stat", encoding: .utf8),
                let (name, ticks) = parse(stat)
            else {
                continue
            }
            times.seconds[name, default: 0] += Double(ticks) / ticksPerSecond
        }
        return times
    }

    /// Returns the CPU seconds that threads named `name` used since `earlier`.
    func seconds(of name: String, since earlier: ThreadCPUTimes) -> Double {
        max(0, (seconds[name] ?? 0) - (earlier.seconds[name] ?? 0))
    }

    /// Returns the name and the user plus system ticks of one `stat` line: `pid (name) state ... utime stime ...`.
    ///
    /// The name may hold spaces and parentheses, so the fields are counted from the last `)`.
    static func parse(_ stat: String) -> (name: String, ticks: Int)? {
        guard let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")"), open < close else {
            return nil
        }
        let name = String(stat[stat.index(after: open)..<close])
        // After the name come state (field 3) and so on; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else {
            return nil
        }
        return (name, user + system)
    }
}
