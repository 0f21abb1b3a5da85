import LedgerportCommands

extension AdminTestHarness {
    /// Runs `ledgerport <arguments>` against the harness's data folder, with its master key and specs.
    func runCommand(_ arguments: [String]) async -> (status: Int32, output: String, error: String) {
        let output = CapturedOutput()
        let error = CapturedOutput()
        let context = CommandContext(
            standardOutput: output, standardError: error,
            environment: [
                "LEDGERPORT_DATA_DIR": folder + "/runtime", "LEDGERPORT_MASTER_KEY_FILE": folder + "/master.key",
                "LEDGERPORT_SPECS_DIR": Self.specsDirectory, "USER": "tester",
            ],
            currentDirectory: folder, executablePath: nil
        )
        let status = await CommandRunner(root: LedgerportCommand.self).run(arguments, context: context)
        return (status.rawValue, output.text, error.text)
    }
}
