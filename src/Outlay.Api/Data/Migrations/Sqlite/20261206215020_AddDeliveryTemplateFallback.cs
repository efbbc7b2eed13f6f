using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outlay.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDeliveryTemplateFallback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "send_as_template",
                table: "notification_deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_notification_deliveries_provider_message_id",
                table: "notification_deliveries",
                column: "provider_message_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notification_deliveries_provider_message_id",
                table: "notification_deliveries");

            migrationBuilder.DropColumn(
                name: "send_as_template",
                table: "notification_deliveries");
        }
    }
}
