import Foundation

/// The one allocator setting the runtime makes for its process: glibc's trim threshold.
///
/// glibc gives the free memory at the top of a thread's heap back to the
/// system as soon as it exceeds the trim threshold (128 KiB by default), and
/// the next allocations fault those pages in again. The store's writer
/// thread frees and allocates more than that on every group commit. In
/// `ledgerport-bench deliver`, this put about a third of the runtime's CPU
/// time per delivered record into page faults: 332 µs per record with the
/// default, 225 µs with a threshold of 16 MiB. The cost is that up to 16 MiB
/// of freed memory may stay resident per heap (glibc keeps one heap per busy
/// thread, up to eight per core).
enum AllocatorTuning {
    /// The trim threshold set, in bytes.
    static let trimThresholdBytes: Int32 = 16 << 20

    /// Sets the trim threshold once per process; a no-op when the C library has no `mallopt` (it is not glibc).
    static func apply() {
        _ = applied
    }

    private static let applied: Bool = {
        // mallopt is not part of the C library module Swift imports, so it is looked up at run time.
        guard let symbol = dlsym(nil, "mallopt") else {
            return false
        }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let trimThreshold: Int32 = -1
        return mallopt(trimThreshold, trimThresholdBytes) == 1
    }()
}
