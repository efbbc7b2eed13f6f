using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outlay.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DailyReminderSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "last_daily_reminder_on",
                table: "notification_preferences",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "next_daily_reminder_at",
                table: "notification_preferences",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_notification_preferences_next_daily_reminder_at",
                table: "notification_preferences",
                column: "next_daily_reminder_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notification_preferences_next_daily_reminder_at",
                table: "notification_preferences");

            migrationBuilder.DropColumn(
                name: "last_daily_reminder_on",
                table: "notification_preferences");

            migrationBuilder.DropColumn(
                name: "next_daily_reminder_at",
                table: "notification_preferences");
        }
    }
}
