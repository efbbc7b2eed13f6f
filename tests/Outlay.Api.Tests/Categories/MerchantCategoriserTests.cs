using Outlay.Api.Categories.AutoCategorisation;

namespace Outlay.Api.Tests.Categories;

public sealed class MerchantCategoriserTests
{
    private static readonly MerchantCategoriser Categoriser = new();

    [Theory]
    [InlineData("TST* JOES PIZZA - BROADWAY", "Food & Dining")]
    [InlineData("BAECKEREI SCHMIDT GMBH", "Food & Dining")]
    [InlineData("RISTORANTE DA MARIO MILANO", "Food & Dining")]
    [InlineData("WEGMANS #045", "Groceries")]
    [InlineData("SRI LAKSHMI PROVISION STORE", "Groceries")]
    [InlineData("JUMBO SUPERMARKTEN", "Groceries")]
    [InlineData("VALERO 1234", "Transport")]
    [InlineData("JET TANKSTELLE 123", "Transport")]
    [InlineData("APCOA PARKING", "Transport")]
    [InlineData("SPICEJET LTD", "Travel")]
    [InlineData("HAMPTON INN SEATTLE", "Travel")]
    [InlineData("GREYHOUND LINES", "Travel")]
    [InlineData("KOHL'S #123", "Shopping")]
    [InlineData("DOUGLAS PARFUMERIE", "Shopping")]
    [InlineData("TORRENT POWER LTD", "Bills & Utilities")]
    [InlineData("HUK-COBURG VERSICHERUNG", "Bills & Utilities")]
    [InlineData("SEVERN TRENT WATER", "Bills & Utilities")]
    [InlineData("LOWES #01234", "Housing")]
    [InlineData("HORNBACH BAUMARKT", "Housing")]
    [InlineData("ORKIN PEST CONTROL", "Housing")]
    [InlineData("STADT-APOTHEKE", "Health")]
    [InlineData("CITY DENTAL CARE", "Health")]
    [InlineData("24 HOUR FITNESS USA", "Health")]
    [InlineData("CINEMAXX KINO", "Entertainment")]
    [InlineData("SIX FLAGS GREAT ADVENTURE", "Entertainment")]
    [InlineData("VOLKSHOCHSCHULE BERLIN", "Education")]
    [InlineData("UNIVERSITY OF LEEDS", "Education")]
    [InlineData("HULU 877-8244858 CA", "Subscriptions")]
    [InlineData("ZEE5 SUBSCRIPTION", "Subscriptions")]
    [InlineData("WESTERN UNION 123", "Other")]
    [InlineData("DVLA VEHICLE TAX", "Other")]
    public void Guess_KnownBrandOrGenericKeyword_ReturnsItsCategory(string merchant, string expected) =>
        Assert.Equal(expected, Categoriser.Guess(merchant, note: null, rules: []));

    [Theory]
    [InlineData("UBER *TRIP 8KJ2L", "Transport")]
    [InlineData("UBER *EATS 8KJ2L", "Food & Dining")]
    [InlineData("UBER *ONE MONTHLY", "Subscriptions")]
    [InlineData("COSTCO WHSE #0456", "Groceries")]
    [InlineData("COSTCO GAS #0456", "Transport")]
    [InlineData("TESCO STORES 9876", "Groceries")]
    [InlineData("TESCO PFS 9876", "Transport")]
    [InlineData("MORRISONS PETROL 0456", "Transport")]
    [InlineData("IRCTC E-CATERING ORDER", "Food & Dining")]
    [InlineData("IRCTC TATKAL BOOKING", "Travel")]
    [InlineData("APPLE.COM/BILL 866-555-0100", "Subscriptions")]
    [InlineData("APPLE STORE #R456", "Shopping")]
    [InlineData("MICROSOFT*XBOX GAME PASS ULT", "Subscriptions")]
    [InlineData("HOTEL ANNAPOORNA VEG COIMBATORE", "Food & Dining")]
    [InlineData("HOTEL IBIS STYLES", "Travel")]
    [InlineData("STAR HEALTH INSURANCE PREMIUM", "Bills & Utilities")]
    [InlineData("SBI CARD PAYMENT", "Other")]
    [InlineData("CRED RENTPAY ONLINE", "Housing")]
    [InlineData("HERTZ RENT-A-CAR 0123", "Travel")]
    [InlineData("ATM CASH WITHDRAWAL HDFC BANK", "Other")]
    public void Guess_DescriptorAfterBrand_DecidesTheTieBreak(string merchant, string expected) =>
        Assert.Equal(expected, Categoriser.Guess(merchant, note: null, rules: []));

    [Theory]
    [InlineData("IMPS/512300004444/FLAT RENT SEPT/KAVYA MENON", null, "Housing")]
    [InlineData("UPI/DR/512398765432/RAJESH GUPTA/SBIN/rajesh@oksbi/Rent Aug", null, "Housing")]
    [InlineData("ZELLE TO LANDLORD RENT", null, "Housing")]
    [InlineData("SEPA DAUERAUFTRAG MIETE", null, "Housing")]
    [InlineData("IMPS-512345678901-VIKRAM SHAH-XXXXXXX4321-BIRTHDAY", null, "Other")]
    [InlineData("ZELLE TO DAVID LEE", null, "Other")]
    [InlineData("VIREMENT A M DUPONT", null, "Other")]
    [InlineData("UPI/DR/512398761111/ANIL KUMAR/PUNB/anilk@paytm/NA", "rent for march", "Housing")]
    public void Guess_TransferToPerson_IsOtherUnlessTheNoteShowsRent(string merchant, string? note, string expected) =>
        Assert.Equal(expected, Categoriser.Guess(merchant, note, rules: []) ?? DefaultCategoryNames.Other);

    [Theory]
    [InlineData("VPA paytmqr1234567890123@paytm")]
    [InlineData("UPI/DR/512398761111/ANIL KUMAR/PUNB/anilk@paytm/NA")]
    [InlineData("XYZZY QWERTY 1234")]
    [InlineData("")]
    [InlineData(null)]
    public void Guess_NothingRecognisable_ReturnsNull(string? merchant) =>
        Assert.Null(Categoriser.Guess(merchant, note: null, rules: []));

    [Fact]
    public void Guess_UnknownMerchantWithMcc_FallsBackToTheMcc() =>
        Assert.Equal("Food & Dining", Categoriser.Guess("XYZZY QWERTY 1234", note: null, rules: [], mcc: "5812"));

    [Fact]
    public void Guess_AirlineCodeRange_IsTravel() =>
        Assert.Equal("Travel", Categoriser.Guess("XYZZY QWERTY", note: null, rules: [], mcc: "3058"));

    [Fact]
    public void Guess_KnownMerchantWithConflictingMcc_TrustsTheMerchantName() =>
        Assert.Equal("Subscriptions", Categoriser.Guess("NETFLIX INTERNATIONAL B.V.", note: null, rules: [], mcc: "4899"));

    [Theory]
    [InlineData("9999")]
    [InlineData("58")]
    [InlineData("ABCD")]
    public void Guess_UnknownOrMalformedMcc_ReturnsNull(string mcc) =>
        Assert.Null(Categoriser.Guess("XYZZY QWERTY", note: null, rules: [], mcc: mcc));

    [Fact]
    public void Guess_AdminKeywordRule_WinsOverTheDictionary()
    {
        CategoryRule[] rules = [new("Entertainment", Keyword: "Starbucks Reserve")];

        Assert.Equal("Entertainment", Categoriser.Guess("STARBUCKS RESERVE #1234", note: null, rules));
        Assert.Equal("Food & Dining", Categoriser.Guess("STARBUCKS #1234", note: null, rules));
    }

    [Fact]
    public void Guess_AdminPatternRule_MatchesTheRawTextCaseInsensitively()
    {
        CategoryRule[] rules = [new("Education", Pattern: @"^acme\s+tutors\b")];

        Assert.Equal("Education", Categoriser.Guess("ACME TUTORS #77", note: null, rules));
    }

    [Fact]
    public void Guess_SeveralMatchingRules_FirstRuleWins()
    {
        CategoryRule[] rules = [new("Health", Keyword: "acme"), new("Shopping", Pattern: "ACME")];

        Assert.Equal("Health", Categoriser.Guess("ACME CORNER SHOP", note: null, rules));
    }

    [Fact]
    public void Guess_RuleWithBadPattern_IsSkipped()
    {
        CategoryRule[] rules = [new("Health", Pattern: "(unclosed")];

        Assert.Equal("Food & Dining", Categoriser.Guess("WENDYS #1234", note: null, rules));
    }

    [Fact]
    public void Guess_ThousandsOfCalls_StayFast()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 2_000; i++)
        {
            Categoriser.Guess($"WENDYS #{i} COLUMBUS OH", "team lunch", rules: []);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"2000 guesses took {watch.Elapsed}");
    }
}
