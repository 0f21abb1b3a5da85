import Foundation

/// Readings of this process's CPU time and memory, and of the machine's load, from Linux.
enum ProcessResources {
    /// The CPU time this process has used so far, user and system, in seconds (`CLOCK_PROCESS_CPUTIME_ID`).
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The resident memory of this process in bytes (`VmRSS` of `/proc/self/status`), or nil where it cannot be read.
    static func residentBytes() -> Int? {
        statusField("VmRSS:")
    }

    /// The highest resident memory of this process so far, in bytes (`VmHWM`).
    static func peakResidentBytes() -> Int? {
        statusField("VmHWM:")
    }

    /// The 1-minute load average of the machine (`/proc/loadavg`), or nil where it cannot be read.
    static func loadAverage() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else {
            return nil
        }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }

    /// The time on the monotonic clock in nanoseconds, for intervals.
    static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Returns the CPU time the calling thread has used so far, in nanoseconds (`CLOCK_THREAD_CPUTIME_ID`).
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Reads a `kB` field such as `VmRSS:   12345 kB` from `/proc/self/status`, in bytes.
    private static func statusField(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
            return nil
        }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else {
                return nil
            }
            return kilobytes * 1024
        }
        return nil
    }
}
