import Foundation

/// Random bytes for identifiers, drawn from libcrypto's generator a block at a time.
///
/// Every webhook without a correlation id of its own gets a random one. In a
/// profile of `ledgerport-bench ingest`, one `RAND_bytes` call of 16 bytes
/// per request took about 3% of the HTTP threads' time. The pool draws
/// 4 KiB at a time and hands them out under its own lock.
///
/// The bytes handed out stay in the pool's buffer until it is refilled, so
/// use it for identifiers only, never for keys or secrets; those take
/// ``SecureRandom`` directly.
package final class RandomBytePool: @unchecked Sendable {
    /// The number of bytes drawn from libcrypto at a time.
    package static let blockSize = 4096

    private let lock = NSLock()
    private var block = [UInt8](repeating: 0, count: RandomBytePool.blockSize)
    private var used = RandomBytePool.blockSize

    package init() {}

    /// Fills `target`, at most ``blockSize`` bytes long, with random bytes that no earlier call returned.
    package func fill(_ target: UnsafeMutableRawBufferPointer) {
        precondition(target.count <= Self.blockSize, "a pool draw of \(target.count) bytes is larger than the pool's block")
        lock.lock()
        defer { lock.unlock() }
        if used + target.count > block.count {
            block.withUnsafeMutableBytes { SecureRandom.fill($0) }
            used = 0
        }
        block.withUnsafeBytes { source in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[used..<(used + target.count)]))
        }
        used += target.count
    }
}
