import LedgerportSDK
import Testing

/// Reading the countries people type into a CRM as ISO 3166-1 alpha-2 codes.
@Suite struct CountryCodeTests {
    @Test(arguments: [
        ("DE", "DE"), ("de", "DE"), ("DEU", "DE"), ("Germany", "DE"), ("  germany ", "DE"), ("Federal Republic of Germany", "DE"),
        ("Deutschland", "DE"), ("United States", "US"), ("USA", "US"), ("u.s.a.", "US"), ("United States of America", "US"),
        ("UK", "GB"), ("United Kingdom", "GB"), ("Korea, Republic of", "KR"), ("South Korea", "KR"), ("Cote d'Ivoire", "CI"),
        ("Côte d'Ivoire", "CI"), ("Ivory Coast", "CI"), ("Türkiye", "TR"), ("Turkey", "TR"), ("Bolivia", "BO"), ("Taiwan", "TW"),
        ("Åland Islands", "AX"), ("Aland Islands", "AX"), ("Holland", "NL"), ("österreich", "AT"),
        ("XK", "XK"), ("Kosovo", "XK"),
    ])
    func knownCountry_givesItsCode(text: String, code: String) {
        #expect(CountryCode.alpha2(for: text) == code)
    }

    @Test(arguments: ["", "   ", "Atlantis", "XX", "Korea", "Europe", "D"])
    func unknownText_givesNil(text: String) {
        #expect(CountryCode.alpha2(for: text) == nil)
    }
}
