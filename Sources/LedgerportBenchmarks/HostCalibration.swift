import Foundation

/// A fixed amount of work like the runtime's, timed on the calling thread, to show how fast the host runs at the moment.
///
/// On a shared virtual machine the same build can take a third more CPU time
/// per event from one run to the next. Reported beside a scenario's numbers,
/// this time separates a slower build from a slower host, so compare runs
/// whose calibration times are close. The work follows pointers through 16
/// MiB in random order and fills a dictionary with string keys, because the
/// runtime spends its time on memory and allocation more than on arithmetic.
/// A loop of arithmetic alone kept the same time while the runtime's varied.
enum HostCalibration {
    /// The number of slots the pointer walk visits, 4 bytes each.
    static let slots = 4 << 20
    /// The number of string keys put into the dictionary.
    static let keys = 200_000

    /// Returns the thread CPU time, in milliseconds, that the calibration work took.
    static func milliseconds() -> Double {
        let cycle = randomCycle(count: slots)
        let start = ProcessResources.threadCPUNanoseconds()
        var position: UInt32 = 0
        for _ in 0..<slots {
            position = cycle[Int(position)]
        }
        var table = [String: Int]()
        for key in 0..<keys {
            table["calibration-key-\(key)"] = key
        }
        let elapsed = ProcessResources.threadCPUNanoseconds() - start
        // The results feed a condition that is never true, so the compiler cannot remove the work.
        if position == UInt32.max, table.count == 0 {
            print("calibration \(position) \(table.count)")
        }
        return Double(elapsed) / 1_000_000
    }

    /// Returns a random permutation that is one cycle through every slot (Sattolo's shuffle).
    ///
    /// Each calibration walks another cycle, but every cycle visits every slot once in an order no cache predicts.
    private static func randomCycle(count: Int) -> [UInt32] {
        var slots = (0..<UInt32(count)).map { $0 }
        for index in stride(from: count - 1, to: 0, by: -1) {
            slots.swapAt(index, Int.random(in: 0..<index))
        }
        return slots
    }
}
