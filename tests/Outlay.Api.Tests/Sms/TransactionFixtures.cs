using Outlay.Api.Sms.Parsing;
using Xunit;

namespace Outlay.Api.Tests.Sms;

/// <summary>
/// Invented alerts in the styles of banks in many countries, most of them from banks that have no
/// template, so they exercise the general rules.
/// </summary>
public static class TransactionFixtures
{
    private const SmsDirection Debit = SmsDirection.Debit;
    private const SmsDirection Credit = SmsDirection.Credit;

    public static TheoryData<ExpectedTransaction> All { get; } =
    [
        // India
        new("IN upi debit", "VK-NEWBNK-S", "Rs.1,250.00 debited from A/c XX7788 on 03-Mar-26 to VPA chai.point@okaxis (UPI Ref No 612345678901). Not you? Call 1800000000",
            Debit, "1250.00", "INR", "chai.point@okaxis", "7788", "2026-03-03", null, "612345678901"),
        new("IN lakh separators", "AX-NEWBNK-S", "Your A/c XXXXX904512 is credited with INR 1,20,000.00 on 11/04/26 by NEFT from ORION SOFTWARE LTD. Avl Bal INR 2,45,310.75",
            Credit, "120000.00", "INR", "ORION SOFTWARE LTD", "4512", "2026-04-11", "245310.75"),
        new("IN card spend", "JM-NEWCRD-S", "INR 899.00 spent on your Credit Card ending 4421 at BOOKHAVEN on 14-Feb-26. Avl Lmt INR 88,101.00",
            Debit, "899.00", "INR", "BOOKHAVEN", "4421", "2026-02-14", "88101.00"),
        new("IN upi narration", "VM-NEWBNK-S", "Dr INR 75.00 from A/c X5510 on 02-JAN-2026 / UPI/DR/600011122233/GREEN LEAF CAFE/HDFC / Bal INR 3,402.10",
            Debit, "75.00", "INR", "GREEN LEAF CAFE", "5510", "2026-01-02", "3402.10", "600011122233"),
        new("IN atm withdrawal has no merchant", "BZ-NEWBNK-S", "Rs.2000 withdrawn at ATM near MG ROAD from A/c XX3390 on 05Jan26. Avl Bal Rs.18,220.40",
            Debit, "2000", "INR", null, "3390", "2026-01-05", "18220.40"),
        new("IN ₹ symbol and txn id", "TX-QWKPAY-S", "Paid ₹349 to Sunrise Bakers. Txn ID 7788990011. Wallet Balance: ₹1,051",
            Debit, "349", "INR", "Sunrise Bakers", null, null, "1051", "7788990011"),
        new("IN interest credit", "BM-NEWBNK-S", "Your A/C XXXXXXX2288 is credited by INR 412.70 on 31/03/26 towards interest. New Bal :INR 50,412.70",
            Credit, "412.70", "INR", null, "2288", "2026-03-31", "50412.70"),

        // United Kingdom and Europe
        new("UK card payment", "MONZIX", "You spent £12.40 at Pret A Manger on your card ending 3321 on 12/03/2026. Balance: £845.10",
            Debit, "12.40", "GBP", "Pret A Manger", "3321", "2026-03-12", "845.10"),
        new("UK faster payment in", "STARLYN", "You received £250.00 from J SMITH into your account ending 7710 on 02/04/2026. New balance £1,302.55",
            Credit, "250.00", "GBP", "J SMITH", "7710", "2026-04-02", "1302.55"),
        new("UK overdrawn balance", "HALBANK", "£60.00 paid to WESSEX WATER from account ending 0042 on 21/01/2026. Balance -£23.18",
            Debit, "60.00", "GBP", "WESSEX WATER", "0042", "2026-01-21", "-23.18"),
        new("EU euro purchase", "BANKDE", "Card payment of EUR 23.90 at REWE MARKT BERLIN with card **8812 on 04.02.2026. Available balance EUR 1,204.33",
            Debit, "23.90", "EUR", "REWE MARKT BERLIN", "8812", "2026-02-04", "1204.33"),
        new("EU euro symbol after decimal comma", "BANQUEFR", "Card payment: €8,50 at BOULANGERIE PAUL on card XX4410 on 18/02/2026",
            Debit, "8.50", "EUR", "BOULANGERIE PAUL", "4410", "2026-02-18"),
        new("EU sepa credit", "IRBANK", "EUR 1,850.00 credited to your account ****6623 from ACME EUROPE BV on 30-Jan-2026. Ref: SEPA99887766",
            Credit, "1850.00", "EUR", "ACME EUROPE BV", "6623", "2026-01-30", null, "SEPA99887766"),

        // Australia, New Zealand, Singapore, Malaysia, Philippines
        new("AU dollar from an Australian bank", "AUBANKX", "$45.20 was spent at WOOLWORTHS 1234 SYDNEY on card ending 6605 on 09/03/2026. Available balance $2,110.45",
            Debit, "45.20", "AUD", "WOOLWORTHS 1234 SYDNEY", "6605", "2026-03-09", "2110.45", null, "AU"),
        new("AU dollar code", "AUSBNK", "AUD 19.99 debited from account ending 1180 at NETFLIX.COM on 15/01/2026",
            Debit, "19.99", "AUD", "NETFLIX.COM", "1180", "2026-01-15"),
        new("NZ payment", "KIWIBK", "NZD 64.00 paid to MEGA MART HAMILTON from card **2207 on 22/02/2026. Avail bal NZD 904.16",
            Debit, "64.00", "NZD", "MEGA MART HAMILTON", "2207", "2026-02-22", "904.16"),
        new("SG PayNow in", "SGBANK", "You have received SGD 120.00 from TAN WEI MING via PayNow to your a/c ending 3304 on 05 Mar 2026. Ref PN20260305001",
            Credit, "120.00", "SGD", "TAN WEI MING", "3304", "2026-03-05", null, "PN20260305001"),
        new("MY ringgit card", "MYBANK", "RM58.30 charged to your card ending 7741 at TESCO PUCHONG on 11/03/2026. Avail limit RM4,941.70",
            Debit, "58.30", "MYR", "TESCO PUCHONG", "7741", "2026-03-11", "4941.70"),
        new("PH peso, month first", "PHBANK", "PHP 1,500.00 was debited from your account ending 9012 for payment to MERALCO on 03/04/2026.",
            Debit, "1500.00", "PHP", "MERALCO", "9012", "2026-03-04"),

        // Americas
        new("US card, month first", "USBANK1", "Card ending 4410 was charged $18.75 at CHIPOTLE 2231 on 02/11/2026.",
            Debit, "18.75", "USD", "CHIPOTLE 2231", "4410", "2026-02-11"),
        new("US deposit", "CUALERT", "A deposit of $1,200.00 was made to your account ending 0098 on 01/30/2026. Available balance $2,450.11",
            Credit, "1200.00", "USD", null, "0098", "2026-01-30", "2450.11"),
        new("CA dollar from a Canadian bank", "CABANK", "A purchase of $32.10 was made at TIM HORTONS #0441 with your card ending 5521 on 2026-02-14.",
            Debit, "32.10", "CAD", "TIM HORTONS #0441", "5521", "2026-02-14", null, null, "CA"),
        new("CA e-transfer in", "CABANK2", "You received an Interac e-Transfer of CAD 75.00 from MARIE TREMBLAY to account ****3301 on 2026-03-01.",
            Credit, "75.00", "CAD", "MARIE TREMBLAY", "3301", "2026-03-01"),
        new("BR real in English", "BRBANK", "Purchase of R$ 89,90 at PADARIA CENTRAL approved on card final 7020 on 07/03/2026.",
            Debit, "89.90", "BRL", "PADARIA CENTRAL", "7020", "2026-03-07"),
        new("BR pix in", "BRBANK2", "Pix received: BRL 250.00 from ANA SOUZA into account ***4455 on 10/03/2026. Ref E12345678202603101200",
            Credit, "250.00", "BRL", "ANA SOUZA", "4455", "2026-03-10", null, "E12345678202603101200"),

        // Africa and the Middle East
        new("GH mobile money", "MOMO", "Payment made for GHS 45.00 to KOFI STORES. Current Balance: GHS 310.25. Transaction ID: 48211930021.",
            Debit, "45.00", "GHS", "KOFI STORES", null, null, "310.25", "48211930021"),
        new("GH bank credit", "GHBANK", "GHS 2,000.00 credited to A/C ***1123 on 28-02-2026 from AKOSUA MENSAH. Avail Bal: GHS 5,120.40",
            Credit, "2000.00", "GHS", "AKOSUA MENSAH", "1123", "2026-02-28", "5120.40"),
        new("ZA rand glued symbol", "ZABANK", "R350.00 paid from cheque a/c ..4471 to ESKOM PREPAID on 14/03/2026. Avail R1,204.55",
            Debit, "350.00", "ZAR", "ESKOM PREPAID", "4471", "2026-03-14"),
        new("NG naira symbol", "NGBANK", "Debit Alert: ₦12,500.00 from Acct 012****889 to CHUKWU ENTERPRISES on 03/03/2026. Bal: ₦88,400.10",
            Debit, "12500.00", "NGN", "CHUKWU ENTERPRISES", "889", "2026-03-03", "88400.10"),
        new("KE shilling wallet", "MPESA", "QAB1C2D3E4 Confirmed. Ksh450.00 sent to JANE WANJIKU on 4/3/26 at 9:10 AM. New M-PESA balance is Ksh2,310.00.",
            Debit, "450.00", "KES", "JANE WANJIKU", null, "2026-03-04", "2310.00", "QAB1C2D3E4"),
        new("UG shilling", "UGBANK", "UGX 150,000 withdrawn from account ***6612 on 12/03/2026. Bal UGX 1,020,500",
            Debit, "150000", "UGX", null, "6612", "2026-03-12", "1020500"),
        new("AE dirham purchase", "UAEBNK", "Purchase of AED 64.50 with Debit Card ending 2201 at CARREFOUR DEIRA on 19-Mar-2026. Avl Bal AED 3,118.20",
            Debit, "64.50", "AED", "CARREFOUR DEIRA", "2201", "2026-03-19", "3118.20"),
        new("QA riyal salary", "QABANK", "QAR 12,000.00 credited to your account XXXX4120 on 28/02/2026 as SALARY. Available balance QAR 15,480.00",
            Credit, "12000.00", "QAR", null, "4120", "2026-02-28", "15480.00"),
        new("PK rupee from Pakistani template", "FBL", "PKR 3,450.00 paid at KHAAS MART LAHORE from FBL A/C *7781 on 10/03/2026",
            Debit, "3450.00", "PKR", "KHAAS MART LAHORE", "7781", "2026-03-10"),
        new("LK rupee with country hint", "NEWLKB", "Rs 2,500.00 debited from AC ***5567 at KEELLS SUPER on 08/03/2026. Avl Bal Rs 40,112.00",
            Debit, "2500.00", "LKR", "KEELLS SUPER", "5567", "2026-03-08", "40112.00", null, "LK"),
        new("converted amount keeps the original", "TRAVELBK", "Card *3390 used for THB 1,200.00 (AED 122.40) at SIAM PARAGON on 02/03/2026",
            Debit, "1200.00", "THB", "SIAM PARAGON", "3390", "2026-03-02"),
        new("refund is a credit", "SHOPBNK", "Refund of USD 19.00 from ACME ONLINE credited to card ending 6611 on 2026-03-12.",
            Credit, "19.00", "USD", "ACME ONLINE", "6611", "2026-03-12"),
    ];
}
