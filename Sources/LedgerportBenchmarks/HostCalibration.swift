import Foundation

/// A fixed amount of work like the runtime's, timed on the calling thread, to show how fast the host runs at the moment.
///
/// On a shared virtual machine the same build can take a third more CPU time
/// per event from one run to the next. Reported beside a scenario's numbers,
/// this time separates a slower build from a slower host, so compare runs
/// whose calibration times are close. The work follows pointers through 16 MiB in
/// random order and fills a dictionary with string keys, because the runtime
/// spends its time on memory and allocation more than on arithmetic: a loop
/// of arithmetic alone kept the same time while the runtime's varied.
enum HostCalibration {
    /// The number of slots the pointer walk visits, 4 bytes each.
    static let slots = 4 << 20
    /// The number of string keys put into the dictionary.
    static let keys = 200_000

    /// Returns the thread CPU time, in milliseconds, that the calibration work took.
    static func milliseconds() -> Double {
        let cycle = randomCycle(count: slots)
        let start = threadCPUNanoseconds()
        var position: UInt32 = 0
        for _ in 0..<slots {
            position = cycle[Int(position)]
        }
        var table = [String: Int]()
        for key in 0..<keys {
            table["calibration-key-\(key)"] = key
        }
        let elapsed = threadCPUNanoseconds() - start
        // The results feed a condition that is never true, so the compiler cannot remove the work.
        if position == UInt32.max, table.count == 0 {
            print("calibration \(position) \(table.count)")
        }
        return Double(elapsed) / 1_000_000
    }

    /// Returns a permutation that is one cycle through every slot (Sattolo's shuffle), with a fixed seed.
    private static func randomCycle(count: Int) -> [UInt32] {
        var slots = (0..<UInt32(count)).map { $0 }
        var generator = SplitMix64(seed: 0x5EED)
        for index in stride(from: count - 1, to: 0, by: -1) {
            let other = Int(generator.next() % UInt64(index))
            slots.swapAt(index, other)
        }
        return slots
    }

    private static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// A small seeded generator, so that every calibration walks the same cycle.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
