import Foundation

/// The executables a scenario starts as child processes, found beside the running one.
enum BenchExecutables {
    /// The `ledgerport` executable in the folder of the running executable or the nearest folder above that has one.
    ///
    /// From `.build/release/ledgerport-bench` this is `.build/release/ledgerport`; from a test bundle it is the build folder's.
    static var ledgerport: String {
        beside(named: "ledgerport")
    }

    /// The `ledgerport-bench` executable, found the same way, which runs the memory reading of the tenants scenario.
    static var bench: String {
        beside(named: "ledgerport-bench")
    }

    private static func beside(named name: String) -> String {
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent(name).path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent(name).path
    }
}
