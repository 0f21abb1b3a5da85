import LedgerportCrypto
import Testing

/// ``RandomBytePool`` hands out each drawn byte once, across refills of its block.
@Suite struct RandomBytePoolTests {
    @Test func draws_neverRepeatAcrossRefills() {
        let pool = RandomBytePool()
        // 1,000 draws of 16 bytes cross the 4 KiB block about four times.
        var seen = Set<[UInt8]>()
        for _ in 0..<1_000 {
            var draw = [UInt8](repeating: 0, count: 16)
            draw.withUnsafeMutableBytes { pool.fill($0) }
            seen.insert(draw)
        }
        #expect(seen.count == 1_000)
    }

    @Test func draw_ofAWholeBlockAfterAPartialOne() {
        let pool = RandomBytePool()
        var small = [UInt8](repeating: 0, count: 3)
        small.withUnsafeMutableBytes { pool.fill($0) }
        var whole = [UInt8](repeating: 0, count: RandomBytePool.blockSize)
        whole.withUnsafeMutableBytes { pool.fill($0) }
        // 4,096 random bytes all zero would mean the draw was never written.
        #expect(whole.contains { $0 != 0 })
    }

    @Test func emptyDraw_changesNothing() {
        let pool = RandomBytePool()
        var empty: [UInt8] = []
        empty.withUnsafeMutableBytes { pool.fill($0) }
        #expect(empty.isEmpty)
    }
}
