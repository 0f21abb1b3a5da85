import Foundation

/// A small set of dedicated threads that run libcurl transfers.
///
/// `curl_easy_perform` blocks its thread for the whole transfer, so it must
/// never run on the Swift concurrency pool, which has only one thread per
/// core. Each thread of this pool owns one easy handle for its whole life and
/// reuses it for every transfer, which keeps libcurl's connection and DNS
/// caches warm: a server that allows keep-alive gets its connections reused.
///
/// Several transports may share one pool. The pool lives as long as a
/// transport references it; when the last reference goes, the threads finish
/// the queued jobs and exit.
package final class CurlThreadPool: Sendable {
    /// The number of threads, which is also the maximum number of transfers running at once.
    package let threadCount: Int
    private let queue = CurlJobQueue()

    /// Starts `threadCount` threads, initializing libcurl first if no pool has done it yet.
    package init(threadCount: Int = 4) {
        precondition(threadCount > 0, "a curl thread pool needs at least one thread")
        CurlGlobal.ensureInitialized()
        self.threadCount = threadCount
        for index in 0..<threadCount {
            let thread = Thread { [queue] in
                CurlThreadPool.runWorker(queue: queue)
            }
            thread.name = "ledgerport-curl-\(index)"
            thread.start()
        }
    }

    deinit {
        queue.close()
    }

    /// Queues a transfer; a pool thread runs it and calls the job's completion.
    func submit(_ job: CurlJob) {
        queue.enqueue(job)
    }

    private static func runWorker(queue: CurlJobQueue) {
        let handle = CurlEasyHandle()
        while let job = queue.next() {
            let result = handle.perform(job.request, configuration: job.configuration, cancellation: job.cancellation)
            job.completion(result)
        }
    }
}
