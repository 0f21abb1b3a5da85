import Foundation
import LedgerportRuntime
import Testing

/// One runtime per data folder: a second one stops before it changes anything, and a restart after the first ends works.
@Suite(.serialized)
struct RuntimeFolderLockTests {
    @Test func secondRuntimeOnTheFolder_stopsAndLeavesTheFirstServing() async throws {
        try await withHarness { harness in
            let second = try await Runtime.open(configuration: harness.configuration, environment: [:], logger: .disabled, clock: harness.clock)

            await #expect(throws: RuntimeStartError.dataFolderInUse(folder: harness.configuration.dataDirectory, holder: getpid())) {
                try await second.run()
            }
            await second.alerts.finishWrites()
            await second.store.close()

            #expect(harness.runtime.readiness.isReady)
            #expect(try await harness.request("GET", "/health", token: nil).status == 200)
        }
    }

    @Test func runtimeAfterTheFirstStopped_takesTheFolder() async throws {
        try await withHarness { harness in
            let reopened = try await harness.stopAndReopenRuntime()
            let running = Task { try await reopened.run() }
            for _ in 0..<400 where reopened.port == nil || !reopened.readiness.isReady {
                try await Task.sleep(nanoseconds: 25_000_000)
            }

            #expect(reopened.readiness.isReady)
            running.cancel()
            try await running.value
        }
    }

    @Test func errorMessage_namesTheFolderTheProcessAndTheFix() {
        let message = RuntimeStartError.dataFolderInUse(folder: "/srv/ledgerport", holder: 4242).description

        #expect(message.contains("\"/srv/ledgerport\""))
        #expect(message.contains("process 4242"))
        #expect(message.contains("stop that one first"))
    }
}
