import Testing

@testable import LedgerportRuntime

/// ``ReloadOrder`` keeps the result of the reload that started last, whatever order they finish in.
@Suite struct ReloadOrderTests {
    @Test func laterReload_finishingFirst_winsOverTheEarlierOne() {
        var order = ReloadOrder()
        let periodic = order.begin()
        let afterActivation = order.begin()

        let laterApplied = order.mayApply(afterActivation)
        let earlierApplied = order.mayApply(periodic)
        #expect(laterApplied)
        #expect(!earlierApplied)
    }

    @Test func reloadsFinishingInOrder_areAllApplied() {
        var order = ReloadOrder()
        let first = order.begin()
        let second = order.begin()

        let firstApplied = order.mayApply(first)
        let secondApplied = order.mayApply(second)
        #expect(firstApplied)
        #expect(secondApplied)
    }

    @Test func sameReload_isAppliedOnce() {
        var order = ReloadOrder()
        let only = order.begin()

        let firstOffer = order.mayApply(only)
        let secondOffer = order.mayApply(only)
        #expect(firstOffer)
        #expect(!secondOffer)
    }
}
