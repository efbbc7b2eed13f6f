using Outlay.Api.Categories.AutoCategorisation;

namespace Outlay.Api.Tests.Categories;

public sealed class MerchantNormaliserTests
{
    [Theory]
    [InlineData("SQ *BLUE DOOR BAKERY", "blue door bakery")]
    [InlineData("TST* JOES PIZZA - BROADWAY", "joes pizza broadway")]
    [InlineData("PAYPAL *SPOTIFYAB", "spotifyab")]
    [InlineData("DD *DOORDASH TACOTIME", "doordash tacotime")]
    [InlineData("IC* COSTCO BY INSTACART", "instacart costco by instacart")]
    [InlineData("AMZN Mktp DE*2X45Y7Z", "amzn mktp")]
    [InlineData("UBER   *EATS 7HJK2", "uber eats")]
    [InlineData("UBER *ONE MONTHLY", "uber one monthly")]
    public void Normalise_ProcessorPrefix_DropsProcessorButKeepsPlatformBrand(string raw, string expected) =>
        Assert.Equal(expected, MerchantNormaliser.Normalise(raw));

    [Theory]
    [InlineData("WENDYS #1234 DENVER CO", "wendys")]
    [InlineData("PAPA JOHN'S #1234", "papa johns")]
    [InlineData("KOHL S #0456 DALLAS TX", "kohls")]
    [InlineData("POS 512345XXXXXX9876 BIG BAZAAR PUNE", "big bazaar")]
    [InlineData("QATAR AIRWAYS 1572345678901", "qatar airways")]
    [InlineData("LUFTHANSA2202345678901", "lufthansa")]
    [InlineData("HULU 877-824-4858 CA", "hulu")]
    [InlineData("Café Crème München", "cafe creme")]
    [InlineData("STRAßENBAHN TICKET", "strassenbahn ticket")]
    public void Normalise_StoreNumbersMasksAndPlaces_AreRemoved(string raw, string expected) =>
        Assert.Equal(expected, MerchantNormaliser.Normalise(raw));

    [Theory]
    [InlineData("EATCLUB BRANDS PVT LTD", "eatclub brands")]
    [InlineData("LEON RESTAURANTS LTD", "leon restaurants")]
    [InlineData("HUK-COBURG VERSICHERUNG AG", "huk coburg versicherung")]
    [InlineData("Acme Widgets, Inc.", "acme widgets")]
    [InlineData("Globex GmbH & Co. KG", "globex")]
    [InlineData("BELLA ITALIA", "bella italia")]
    [InlineData("DAZN LIMITED", "dazn")]
    public void Normalise_LegalSuffixes_AreRemovedButCountryInNameStays(string raw, string expected) =>
        Assert.Equal(expected, MerchantNormaliser.Normalise(raw));

    [Theory]
    [InlineData("UPI/DR/512398765432/RAJESH GUPTA/SBIN/rajesh@oksbi/Rent Aug", "rajesh gupta rent aug")]
    [InlineData("UPI/CR/512300001111/KRISHNA SWEETS/HDFC/krishnasweets@okhdfcbank/UPI", "krishna sweets")]
    [InlineData("UPI-MEERA IYER-MEERA.IYER@OKAXIS-UTIB0001234-512312345678-UPI", "meera iyer")]
    [InlineData("NEFT DR-HDFC0009876-ARJUN RAO-NETBANK-N512345678", "neft dr arjun rao netbank")]
    public void Normalise_UpiAndBankNarrations_KeepNameAndNote(string raw, string expected) =>
        Assert.Equal(expected, MerchantNormaliser.Normalise(raw));

    [Theory]
    [InlineData("VPA paytmqr1234567890123@paytm", "paytmqr1234567890123")]
    [InlineData("zomato-order@ptybl", "zomato order")]
    public void Normalise_BareVpa_KeepsItsLocalPartAsTheOnlyIdentity(string raw, string expected) =>
        Assert.Equal(expected, MerchantNormaliser.Normalise(raw));

    [Theory]
    [InlineData("Starbucks #01234 Portland")]
    [InlineData("STARBUCKS 55555 MIAMI FL")]
    [InlineData("starbucks")]
    public void Normalise_SameMerchantAtDifferentStores_GivesOneKey(string raw) =>
        Assert.Equal("starbucks", MerchantNormaliser.Normalise(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#12345 ****")]
    public void Normalise_NothingToName_ReturnsEmpty(string? raw) =>
        Assert.Equal("", MerchantNormaliser.Normalise(raw));
}
