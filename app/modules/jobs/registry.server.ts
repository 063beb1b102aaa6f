// Every job the app runs is registered by importing its module here.
import "./maintenance.server";
import "../mail/outbox.server";
import "../payments/reconcile.server";
import "../tasks/runners.server";
import "../invoices/jobs.server";
import "../challenges/erasure.server";
import "../challenges/deadline-reminders.server";
