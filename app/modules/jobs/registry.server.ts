// Every job the app runs is registered by importing its module here.
import "./maintenance.server";
