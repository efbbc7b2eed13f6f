using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Expenses;
using Outlay.Api.Users;

namespace Outlay.Api.Sms;

public sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> message)
    {
        message.ToTable("sms_messages");
        message.Property(m => m.Sender).HasMaxLength(SmsMessage.MaxSenderLength);
        message.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.IgnoredReason).HasMaxLength(SmsMessage.MaxReasonLength);
        message.Property(m => m.Fingerprint).HasMaxLength(32);

        // The arbiter for a forwarder's retries: of two concurrent posts of one SMS, exactly one row is inserted.
        message.HasIndex(m => new { m.UserId, m.Fingerprint }).IsUnique();
        // The "same transaction, another text" check looks at one user's messages around a received time.
        message.HasIndex(m => new { m.UserId, m.ReceivedAt });
        message.HasIndex(m => m.ExpenseId);

        message.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // Purged expenses leave the message behind as a record of what was received.
        message.HasOne<Expense>().WithMany().HasForeignKey(m => m.ExpenseId).OnDelete(DeleteBehavior.SetNull);
    }
}
