/// A phase's CPU time split by the runtime's thread names; the rest is mostly the load generator's.
struct ThreadShares {
    /// The SQLite writer thread (`sqlite-writer`).
    var writer: Double
    /// The HTTP server's threads (`MHD-worker`).
    var http: Double
    /// The thread that resumes the callers of each commit (`sqlite-resume`).
    var resume: Double
    /// The thread that checkpoints the WAL beside the commits (`sqlite-ckpt`).
    var checkpoint: Double
    /// Everything else: the load generator, the Swift concurrency pool, SQLite readers.
    var rest: Double

    /// Splits `process` CPU seconds with the thread readings around a phase, each multiplied by `scale`.
    init(process: Double, before: ThreadCPUTimes, after: ThreadCPUTimes, scale: Double) {
        let writer = after.seconds(of: "sqlite-writer", since: before)
        let http = after.seconds(of: "MHD-worker", since: before)
        let resume = after.seconds(of: "sqlite-resume", since: before)
        let checkpoint = after.seconds(of: "sqlite-ckpt", since: before)
        self.writer = writer * scale
        self.http = http * scale
        self.resume = resume * scale
        self.checkpoint = checkpoint * scale
        self.rest = max(0, process - writer - http - resume - checkpoint) * scale
    }
}
