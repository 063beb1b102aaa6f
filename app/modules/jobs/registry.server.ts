// Every job the app runs is registered by importing its module here.
import "./maintenance.server";
import "../mail/outbox.server";
import "../payments/reconcile.server";
