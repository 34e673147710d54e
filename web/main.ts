import './components/dds-app';
