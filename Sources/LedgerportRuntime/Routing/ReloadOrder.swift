/// The order of overlapping reloads of a cache: only a result newer than the one in place may replace it.
///
/// Each reload takes a number when it starts and offers its result with it
/// when it ends. A reload that started earlier read older data, so its
/// result is dropped when a later one has already been applied. Not
/// thread-safe: the owner calls it under its own lock.
struct ReloadOrder {
    private var started = 0
    private var applied = 0

    /// Returns the number of a reload that starts now.
    mutating func begin() -> Int {
        started += 1
        return started
    }

    /// Returns whether the result of reload `generation` may replace the one in place, and records it as applied when so.
    mutating func mayApply(_ generation: Int) -> Bool {
        guard generation > applied else {
            return false
        }
        applied = generation
        return true
    }
}
